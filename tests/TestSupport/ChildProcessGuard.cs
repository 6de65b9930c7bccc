using System.Collections.Concurrent;
using System.Diagnostics;

namespace Photon.TestSupport;

/// <summary>
/// Starts child processes (Anvil) so that none outlives the test host:
/// <list type="bullet">
/// <item>on Linux they are started through <c>setpriv --pdeathsig KILL</c>, so the kernel kills them
/// when the host dies in any way, SIGKILL included;</item>
/// <item>every live child is also killed on <see cref="AppDomain.ProcessExit"/> and on an unhandled exception.</item>
/// </list>
/// The kernel sends the parent-death signal when the <em>thread</em> that forked the child ends,
/// and the thread pool retires idle threads; so all children are forked from one dedicated
/// thread that lives as long as the process.
/// </summary>
internal static class ChildProcessGuard
{
    private const string SetprivPath = "/usr/bin/setpriv";

    private static readonly ConcurrentDictionary<Process, byte> Live = new();
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Queue = [];

    static ChildProcessGuard()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
        var launcher = new Thread(Launch) { IsBackground = true, Name = "child-process-launcher" };
        launcher.Start();
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>, stdout and stderr redirected
    /// (and stdin when <paramref name="redirectStandardInput"/>; otherwise the child shares the host's).
    /// </summary>
    public static Task<Process> StartAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, bool redirectStandardInput = false)
    {
        var useSetpriv = OperatingSystem.IsLinux() && File.Exists(SetprivPath);
        var info = new ProcessStartInfo(useSetpriv ? SetprivPath : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStandardInput,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (useSetpriv)
        {
            // setpriv sets the signal, then execs: the child keeps setpriv's pid.
            foreach (var a in (string[])["--pdeathsig", "KILL", "--", fileName])
                info.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((info, started));
        return started.Task;
    }

    /// <summary>The child has exited (or was killed): stop tracking it.</summary>
    public static void Forget(Process process) => Live.TryRemove(process, out _);

    private static void Launch()
    {
        foreach (var (info, started) in Queue.GetConsumingEnumerable())
        {
            try
            {
                var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
                Live.TryAdd(process, 0);
                started.SetResult(process);
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }

    private static void KillAll()
    {
        foreach (var process in Live.Keys)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Exiting at this very moment.
            }
        }
    }
}
