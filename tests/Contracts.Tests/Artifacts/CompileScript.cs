using Photon.TestSupport;

namespace Photon.Contracts.Tests.Artifacts;

/// <summary>Runs <c>contracts-sol/compile.cjs</c> with the node on PATH, as a developer would.</summary>
internal static class CompileScript
{
    // solc-js compiles every source in one run; a busy shared machine may take a while.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static Task<ProcessResult> RunAsync(string script, bool check, string workingDirectory) =>
        ProcessRunner.RunAsync("node", check ? [script, "--check"] : [script], Timeout, workingDirectory);
}
