using System.Diagnostics;

namespace Photon.TestSupport;

/// <summary>
/// A long-running <c>photon</c> command (a relay, later a node) as a real child process: started like
/// Anvil (it dies with the test host), its output kept, waited on until it prints a line, and stopped
/// with SIGKILL (a crash) or SIGTERM (a clean stop). The program is the Photon.Node build that the test
/// project's reference copies next to the test assembly.
/// </summary>
public sealed class PhotonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly BoundedOutput _output = new(capacity: 400);
    private readonly BoundedOutput _standardOutput = new(capacity: 400);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PhotonProcess(Process process)
    {
        _process = process;
        process.EnableRaisingEvents = true;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _output.Add(e.Data);
                _standardOutput.Add(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Add("stderr: " + e.Data); };
        process.Exited += (_, _) => _exited.TrySetResult();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything it printed lately (stderr lines prefixed), for failure messages.</summary>
    public string Output => _output.ToString();

    /// <summary>What it printed lately on standard output alone.</summary>
    public string StandardOutput => _standardOutput.ToString();

    /// <summary>Runs a one-shot <c>photon</c> command to its end; returns the exited process (its output and exit code).</summary>
    /// <exception cref="TimeoutException">It still ran after <paramref name="timeout"/> (it is then killed).</exception>
    public static async Task<PhotonProcess> RunAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var process = await StartAsync(arguments, workingDirectory);
        try
        {
            await process._exited.Task.WaitAsync(timeout);
            // Exited fires before the last redirected lines are read: WaitForExit drains them.
            await process._process.WaitForExitAsync();
            return process;
        }
        catch (TimeoutException)
        {
            await process.DisposeAsync();
            throw new TimeoutException($"photon {string.Join(' ', arguments)} still ran after {timeout}:\n{process.Output}");
        }
    }

    /// <summary>The exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>photon <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<PhotonProcess> StartAsync(IEnumerable<string> arguments, string workingDirectory)
    {
        var directory = AppContext.BaseDirectory;
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "photon.exe" : "photon");
        if (!File.Exists(appHost))
            throw new FileNotFoundException($"the photon app host is not next to the tests in {directory}: reference the Photon.Node project", appHost);
        return new PhotonProcess(await ChildProcessGuard.StartAsync(appHost, arguments, workingDirectory));
    }

    /// <summary>Waits until it prints a line containing <paramref name="text"/>; returns that line.</summary>
    /// <exception cref="TimeoutException">It did not, within <paramref name="timeout"/>, or it exited first.</exception>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Lines().LastOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                return line;
            if (_exited.Task.IsCompleted)
                throw new TimeoutException($"photon exited (code {_process.ExitCode}) before printing '{text}':\n{Output}");
            await Task.Delay(20);
        }
        throw new TimeoutException($"photon did not print '{text}' within {timeout}:\n{Output}");
    }

    /// <summary>SIGINT, as Ctrl-C in a terminal; waits until it exits.</summary>
    public async Task InterruptAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
            await kill.WaitForExitAsync();
        await _exited.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGKILL: the process gets no chance to flush or clean up, as in a crash.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        await _exited.Task;
        ChildProcessGuard.Forget(_process);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
