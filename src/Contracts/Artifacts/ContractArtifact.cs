using System.Text.Json;
using Photon.Ethereum;
using Photon.Ethereum.Abi;

namespace Photon.Contracts.Artifacts;

/// <summary>
/// One compiled contract as <c>contracts-sol/compile.cjs</c> writes it: its ABI, the creation
/// bytecode (what a deployment sends, before the constructor arguments) and the runtime bytecode
/// (what <c>eth_getCode</c> returns once deployed). Immutable: the bytecode is handed out as
/// read-only memory over private arrays, and <see cref="DeploymentData"/> returns a fresh array.
/// </summary>
public sealed class ContractArtifact
{
    private readonly byte[] _bytecode;
    private readonly byte[] _deployedBytecode;

    private ContractArtifact(string name, string sourceName, string compilerVersion, ContractAbi abi, byte[] bytecode, byte[] deployedBytecode)
    {
        Name = name;
        SourceName = sourceName;
        CompilerVersion = compilerVersion;
        Abi = abi;
        _bytecode = bytecode;
        _deployedBytecode = deployedBytecode;
    }

    /// <summary>The contract's name, which is also the artifact's file name.</summary>
    public string Name { get; }

    /// <summary>The repository-relative source file, e.g. <c>contracts-sol/tokens/TestToken.sol</c>.</summary>
    public string SourceName { get; }

    /// <summary>The full solc version that compiled it, e.g. <c>0.8.37+commit.f401782d.Emscripten.clang</c>.</summary>
    public string CompilerVersion { get; }

    public ContractAbi Abi { get; }

    /// <summary>Creation bytecode, never empty.</summary>
    public ReadOnlyMemory<byte> Bytecode => _bytecode;

    /// <summary>Runtime bytecode, never empty.</summary>
    public ReadOnlyMemory<byte> DeployedBytecode => _deployedBytecode;

    /// <summary>
    /// The data of a creation transaction: <see cref="Bytecode"/> followed by the constructor
    /// arguments, ABI-encoded by the ABI's constructor (<see cref="AbiException"/> when they do not fit it).
    /// </summary>
    /// <exception cref="ArgumentException">Arguments were given to a contract without a constructor.</exception>
    public byte[] DeploymentData(params object?[] constructorArguments)
    {
        ArgumentNullException.ThrowIfNull(constructorArguments);
        if (Abi.Constructor is { } constructor)
            return constructor.EncodeDeployment(_bytecode, constructorArguments);
        return constructorArguments.Length == 0
            ? (byte[])_bytecode.Clone()
            : throw new ArgumentException($"{Name} has no constructor, yet {constructorArguments.Length} arguments were given", nameof(constructorArguments));
    }

    public override string ToString() => $"{Name} ({SourceName})";

    /// <summary>Reads artifact JSON; every field of the compile script's format is required and checked.</summary>
    /// <exception cref="ContractArtifactFormatException">The text is not such an artifact.</exception>
    public static ContractArtifact Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonRead.Parse(json, (message, inner) => new ContractArtifactFormatException($"contract artifact: {message}", inner));
        if (root.ValueKind != JsonValueKind.Object)
            throw new ContractArtifactFormatException($"contract artifact: expected an object, got {JsonRead.Describe(root)}");
        var name = RequiredString(root, "contractName", "artifact");
        if (!IsIdentifier(name))
            throw new ContractArtifactFormatException($"contract artifact: contractName '{Shorten(name)}' is not a Solidity identifier");
        var what = $"artifact {name}";
        var sourceName = RequiredString(root, "sourceName", what);
        if (sourceName.Length == 0)
            throw new ContractArtifactFormatException($"{what}: sourceName is empty");
        var compiler = Required(root, "compiler", what);
        if (compiler.ValueKind != JsonValueKind.Object)
            throw new ContractArtifactFormatException($"{what}: compiler must be an object, got {JsonRead.Describe(compiler)}");
        var version = RequiredString(compiler, "version", $"{what}: compiler");
        var abiElement = Required(root, "abi", what);
        if (abiElement.ValueKind != JsonValueKind.Array)
            throw new ContractArtifactFormatException($"{what}: abi must be an array, got {JsonRead.Describe(abiElement)}");
        ContractAbi abi;
        try
        {
            abi = ContractAbi.Parse(abiElement);
        }
        catch (AbiException e)
        {
            throw new ContractArtifactFormatException($"{what}: abi: {e.Message}", e);
        }
        return new ContractArtifact(name, sourceName, version, abi, Code(root, "bytecode", what), Code(root, "deployedBytecode", what));
    }

    private static byte[] Code(JsonElement root, string property, string what)
    {
        var text = RequiredString(root, property, what);
        // Unlinked library references are placeholders __$<34 hex>$__; the compile script refuses them.
        if (text.Contains("__$", StringComparison.Ordinal))
            throw new ContractArtifactFormatException($"{what}: {property} needs library linking, which artifacts do not support");
        byte[] code;
        try
        {
            code = Hex.DecodePrefixed(text);
        }
        catch (HexFormatException e)
        {
            throw new ContractArtifactFormatException($"{what}: {property}: {e.Message}", e);
        }
        return code.Length > 0
            ? code
            : throw new ContractArtifactFormatException($"{what}: {property} is empty (interfaces and abstract contracts have no artifact)");
    }

    private static JsonElement Required(JsonElement obj, string property, string what) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new ContractArtifactFormatException($"{what}: '{property}' is missing");

    private static string RequiredString(JsonElement obj, string property, string what) =>
        JsonRead.String(Required(obj, property, what), (message, inner) => new ContractArtifactFormatException($"{what}: {property}: {message}", inner));

    private static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 256
        && !char.IsAsciiDigit(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
