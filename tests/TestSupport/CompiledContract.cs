using System.Text.Json.Nodes;
using Photon.Ethereum;
using Photon.Ethereum.Abi;

namespace Photon.TestSupport;

/// <summary>
/// One contract as solc compiled it: its JSON ABI (read by our <see cref="ContractAbi"/>), the
/// creation bytecode (what a deployment sends, before the constructor arguments), the runtime
/// bytecode (what <c>eth_getCode</c> returns once deployed) and solc's selectors by signature.
/// Abstract contracts and interfaces have empty bytecode.
/// </summary>
public sealed record CompiledContract(
    string SourceName,
    string Name,
    string AbiJson,
    ContractAbi Abi,
    byte[] Bytecode,
    byte[] DeployedBytecode,
    IReadOnlyDictionary<string, string> MethodIdentifiers)
{
    public string QualifiedName => $"{SourceName}:{Name}";

    /// <summary>Deployment data: <see cref="Bytecode"/> followed by the ABI-encoded constructor arguments.</summary>
    public byte[] DeploymentData(params object?[] constructorArguments)
    {
        ArgumentNullException.ThrowIfNull(constructorArguments);
        if (Bytecode.Length == 0)
            throw new InvalidOperationException($"{QualifiedName} has no bytecode (abstract contract or interface)");
        if (Abi.Constructor is { } constructor)
            return constructor.EncodeDeployment(Bytecode, constructorArguments);
        return constructorArguments.Length == 0
            ? Bytecode
            : throw new ArgumentException($"{QualifiedName} has no constructor, yet {constructorArguments.Length} arguments were given", nameof(constructorArguments));
    }

    internal static CompiledContract Read(string sourceName, string name, JsonNode contract)
    {
        var abiJson = contract["abi"]?.ToJsonString() ?? throw new InvalidOperationException($"solc gave no ABI for {sourceName}:{name}");
        var evm = contract["evm"] ?? throw new InvalidOperationException($"solc gave no evm output for {sourceName}:{name}");
        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (evm["methodIdentifiers"] is JsonObject methods)
        {
            foreach (var (signature, selector) in methods)
                identifiers[signature] = selector!.GetValue<string>();
        }
        return new CompiledContract(
            sourceName,
            name,
            abiJson,
            ContractAbi.Parse(abiJson),
            Code(evm["bytecode"]?["object"], sourceName, name),
            Code(evm["deployedBytecode"]?["object"], sourceName, name),
            identifiers);
    }

    private static byte[] Code(JsonNode? node, string sourceName, string name)
    {
        var text = node?.GetValue<string>() ?? "";
        // Unlinked library references are placeholders like __$<34 hex>$__ that are not hex.
        if (text.Contains("__$", StringComparison.Ordinal))
            throw new NotSupportedException($"{sourceName}:{name} needs linked libraries, which this helper does not link");
        return Hex.Decode(text);
    }
}
