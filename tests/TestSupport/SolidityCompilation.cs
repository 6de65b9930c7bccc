namespace Photon.TestSupport;

/// <summary>What one <see cref="SolidityCompiler"/> run produced: every contract of every source, and solc's warnings.</summary>
public sealed class SolidityCompilation(IReadOnlyList<CompiledContract> contracts, IReadOnlyList<string> warnings)
{
    public IReadOnlyList<CompiledContract> Contracts { get; } = contracts;

    public IReadOnlyList<string> Warnings { get; } = warnings;

    /// <summary>The contract named <paramref name="name"/> (or <c>File.sol:Name</c> when two sources declare the same name).</summary>
    public CompiledContract this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var matches = Contracts.Where(c => c.Name == name || c.QualifiedName == name).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new KeyNotFoundException($"no contract '{name}' was compiled (contracts: {string.Join(", ", Contracts.Select(c => c.QualifiedName))})"),
                _ => throw new KeyNotFoundException($"several contracts are named '{name}' ({string.Join(", ", matches.Select(c => c.QualifiedName))}); ask for File.sol:Name"),
            };
        }
    }
}
