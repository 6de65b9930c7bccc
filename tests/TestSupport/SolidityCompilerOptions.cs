namespace Photon.TestSupport;

/// <summary>Settings of a <see cref="SolidityCompiler"/> run (the defaults are solc's own, optimizer off).</summary>
public sealed record SolidityCompilerOptions
{
    public bool Optimize { get; init; }

    public int OptimizerRuns { get; init; } = 200;

    /// <summary>The target EVM (e.g. "cancun"); null for the compiler's default.</summary>
    public string? EvmVersion { get; init; }

    /// <summary>Compile through the Yul IR pipeline (needed by some contracts to avoid "stack too deep").</summary>
    public bool ViaIR { get; init; }
}
