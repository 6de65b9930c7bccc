using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Photon.Ethereum.JsonRpc;

namespace Photon.Node.Devnet;

/// <summary>
/// Starts Anvil for <c>photon devnet</c> on a free loopback port, with the public test mnemonic's ten
/// funded accounts and a block every second (so lock expiry and settle windows pass on their own).
/// </summary>
public sealed class AnvilLauncher : IAsyncDisposable
{
    public const ulong ChainId = 31337;
    private const string Mnemonic = "test test test test test test test test test test test junk";

    private readonly Process _process;

    private AnvilLauncher(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>
    /// The Anvil binary: <paramref name="explicitPath"/>, else <c>PHOTON_ANVIL</c>, else the pinned npm install
    /// in <c>tools/node_modules</c> of the repository above the executable or the current directory (running
    /// <c>npm ci</c> there first when it is missing), else <c>anvil</c> on PATH.
    /// </summary>
    public static async Task<string> FindAsync(string? explicitPath, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? explicitPath : throw new FileNotFoundException($"no Anvil at {explicitPath}", explicitPath);
        if (Environment.GetEnvironmentVariable("PHOTON_ANVIL") is { Length: > 0 } fromEnvironment)
            return File.Exists(fromEnvironment) ? fromEnvironment : throw new FileNotFoundException($"PHOTON_ANVIL names {fromEnvironment}, which does not exist", fromEnvironment);
        if (ToolsFolder() is { } tools)
        {
            var pinned = Path.Combine(tools, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
            if (!File.Exists(pinned))
            {
                await progress.WriteLineAsync($"[devnet] installing the pinned tools (Anvil) with npm ci in {tools}, once").ConfigureAwait(false);
                await NpmCiAsync(tools, ct).ConfigureAwait(false);
            }
            if (File.Exists(pinned))
                return pinned;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "anvil");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("Anvil was not found: run `npm ci` in tools/, set PHOTON_ANVIL, or pass --anvil");
    }

    /// <summary>The repository's <c>tools/</c> folder (the one with the pinned package-lock.json), or null outside a checkout.</summary>
    private static string? ToolsFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var tools = Path.Combine(dir.FullName, "tools");
                if (File.Exists(Path.Combine(tools, "package-lock.json")))
                    return tools;
            }
        }
        return null;
    }

    private static async Task NpmCiAsync(string tools, CancellationToken ct)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = tools, UseShellExecute = false };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            start.ArgumentList.Add(argument);
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm");
        await npm.WaitForExitAsync(ct).ConfigureAwait(false);
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm ci in {tools} failed with exit code {npm.ExitCode}");
    }

    public static async Task<AnvilLauncher> StartAsync(string anvilPath, ulong blockTimeSeconds, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(anvilPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture),
            "--accounts", "10", "--balance", "10000", "--mnemonic", Mnemonic, "--block-time", blockTimeSeconds.ToString(CultureInfo.InvariantCulture), "--color", "never",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {anvilPath}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var launcher = new AnvilLauncher(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var rpc = new JsonRpcClient(launcher.Url);
            var eth = new EthClient(rpc);
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (process.HasExited)
                    throw new InvalidOperationException($"Anvil exited with code {process.ExitCode} at start");
                try
                {
                    await eth.ChainIdAsync(ct).ConfigureAwait(false);
                    return launcher;
                }
                catch (Exception e) when (e is RpcException or HttpRequestException && deadline.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(100, ct).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await launcher.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
