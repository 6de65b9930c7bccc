using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace Photon.Contracts.Artifacts;

/// <summary>
/// The contract artifacts embedded in this assembly (from <c>contracts-sol/artifacts/*.json</c>, as
/// <c>Photon.Contracts.Artifacts.&lt;Name&gt;.json</c>), so a node deploys and checks contracts
/// without the repository. Each is parsed on first use and cached for the life of the process.
/// A named property of a contract that is not compiled yet still exists; using it throws
/// <see cref="ContractArtifactNotFoundException"/>.
/// </summary>
public static class ContractArtifacts
{
    private const string ResourcePrefix = "Photon.Contracts.Artifacts.";
    private const string ResourceSuffix = ".json";

    private static readonly Assembly Resources = typeof(ContractArtifacts).Assembly;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<IReadOnlyList<string>> NamesLazy = new(FindNames);
    private static readonly ConcurrentDictionary<string, Lazy<ContractArtifact>> Cache = new(StringComparer.Ordinal);

    /// <summary>The names of the embedded artifacts, in ordinal order.</summary>
    public static IReadOnlyList<string> Names => NamesLazy.Value;

    public static ContractArtifact SecretRegistry => Get(nameof(SecretRegistry));

    public static ContractArtifact TokenNetworkRegistry => Get(nameof(TokenNetworkRegistry));

    public static ContractArtifact TokenNetwork => Get(nameof(TokenNetwork));

    /// <summary>A plain ERC20 with public minting: constructor <c>(string name, string symbol)</c>.</summary>
    public static ContractArtifact TestToken => Get(nameof(TestToken));

    /// <summary>ERC20 + ERC223 <c>transfer(address,uint256,bytes)</c> that notifies receiving contracts.</summary>
    public static ContractArtifact Erc223Token => Get(nameof(Erc223Token));

    /// <summary>ERC20 + <c>approveAndCall(address,uint256,bytes)</c>.</summary>
    public static ContractArtifact ApproveAndCallToken => Get(nameof(ApproveAndCallToken));

    /// <summary>Hostile: once armed, its next transfer first makes an arbitrary call (re-entrancy tests).</summary>
    public static ContractArtifact ReentrantToken => Get(nameof(ReentrantToken));

    /// <summary>Hostile: can be switched to return false from transfer / transferFrom without moving tokens.</summary>
    public static ContractArtifact FalseReturningToken => Get(nameof(FalseReturningToken));

    /// <summary>Hostile: burns 1% of every transfer, so less arrives than was sent.</summary>
    public static ContractArtifact FeeOnTransferToken => Get(nameof(FeeOnTransferToken));

    /// <summary>USDT-shaped: transfer, transferFrom and approve return no data and revert on failure.</summary>
    public static ContractArtifact NoReturnToken => Get(nameof(NoReturnToken));

    /// <summary>The artifact of the contract named <paramref name="name"/> (case-sensitive).</summary>
    /// <exception cref="ContractArtifactNotFoundException">No such artifact is embedded; the message lists those that are.</exception>
    /// <exception cref="ContractArtifactFormatException">The embedded artifact is malformed (a build problem, reported on every call).</exception>
    public static ContractArtifact Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name, StringComparer.Ordinal))
            throw new ContractArtifactNotFoundException(name, Names);
        return Cache.GetOrAdd(name, static n => new Lazy<ContractArtifact>(() => Load(n))).Value;
    }

    private static IReadOnlyList<string> FindNames() =>
        [.. Resources.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..^ResourceSuffix.Length])
            .Order(StringComparer.Ordinal)];

    private static ContractArtifact Load(string name)
    {
        using var stream = Resources.GetManifestResourceStream(ResourcePrefix + name + ResourceSuffix)
            ?? throw new ContractArtifactNotFoundException(name, Names);
        string json;
        try
        {
            using var reader = new StreamReader(stream, StrictUtf8);
            json = reader.ReadToEnd();
        }
        catch (DecoderFallbackException e)
        {
            throw new ContractArtifactFormatException($"embedded artifact {name}.json is not UTF-8 text", e);
        }
        var artifact = ContractArtifact.Parse(json);
        return artifact.Name == name
            ? artifact
            : throw new ContractArtifactFormatException($"embedded artifact {name}.json declares contractName '{artifact.Name}'");
    }
}
