namespace Photon.Contracts.Artifacts;

/// <summary>
/// No artifact of that name is embedded in Photon.Contracts: the name is misspelt, or the contract
/// has not been written and compiled yet. The message lists the names that exist.
/// </summary>
public sealed class ContractArtifactNotFoundException(string name, IReadOnlyList<string> knownNames)
    : KeyNotFoundException(Describe(name, knownNames))
{
    /// <summary>The name that was asked for.</summary>
    public string Name { get; } = name;

    /// <summary>The names of the embedded artifacts, in ordinal order.</summary>
    public IReadOnlyList<string> KnownNames { get; } = [.. knownNames];

    private static string Describe(string name, IReadOnlyList<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(knownNames);
        var shown = name.Length <= 80 ? name : name[..80] + "…";
        var known = knownNames.Count == 0 ? "none" : string.Join(", ", knownNames);
        return $"no contract artifact named '{shown}' is embedded in Photon.Contracts (known: {known}); "
            + "artifacts are compiled from contracts-sol into contracts-sol/artifacts by `node contracts-sol/compile.cjs`";
    }
}
