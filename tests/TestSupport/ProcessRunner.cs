using System.Diagnostics;

namespace Photon.TestSupport;

/// <summary>
/// Runs a program to completion as a real child process (stdin empty) and captures what it printed. The child
/// is started like Anvil (see ChildProcessGuard: it dies with the test host), is killed with its
/// whole process tree when it outlives <c>timeout</c>, and is never left running when this returns
/// or throws.
/// </summary>
public static class ProcessRunner
{
    /// <exception cref="TimeoutException">The program ran longer than <paramref name="timeout"/> (it has been killed).</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        using var process = await ChildProcessGuard.StartAsync(fileName, arguments, workingDirectory ?? Environment.CurrentDirectory, redirectStandardInput: true);
        try
        {
            // An empty, closed stdin: a program that reads it sees end-of-file instead of waiting on the test host's.
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                KillTree(process);
                throw new TimeoutException($"{Path.GetFileName(fileName)} did not exit within {timeout.TotalSeconds:0.###} s and was killed");
            }
            // The streams end when the child (and any grandchild holding them) has gone.
            return new ProcessResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            KillTree(process);
            ChildProcessGuard.Forget(process);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }
}
