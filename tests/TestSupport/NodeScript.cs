using System.Diagnostics;

namespace Photon.TestSupport;

/// <summary>
/// Runs a Node.js script from <c>tools/crosscheck/</c> (so that <c>require('ethers')</c> resolves to
/// the pinned tools install), feeding JSON on stdin and returning its stdout. Used for
/// cross-checks against outside implementations; a failing script fails the test with its stderr.
/// </summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string script, string stdin, TimeSpan? timeout = null)
    {
        var path = Path.Combine(RepoPaths.Tools, "crosscheck", script);
        if (!File.Exists(path))
            throw new FileNotFoundException($"cross-check script not found: {path}");
        var info = new ProcessStartInfo("node", [path])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Tools,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in time");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
