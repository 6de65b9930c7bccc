using System.Diagnostics;
using System.Globalization;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Xunit;

namespace Photon.TestSupport;

/// <summary>
/// A real Anvil dev chain on a free loopback port. Use it as an xunit class or collection fixture
/// (parameterless: default <see cref="AnvilOptions"/>; derive to change them), or start a private
/// chain with <see cref="StartAsync"/> and <c>await using</c> it. The process is killed on dispose,
/// when the test host exits, and (Linux) by the kernel if the host dies (see ChildProcessGuard).
/// Collection definitions must live in the test assembly: <c>[CollectionDefinition("anvil")]
/// public sealed class AnvilCollection : ICollectionFixture&lt;AnvilFixture&gt;;</c>
/// </summary>
public class AnvilFixture : IAsyncLifetime, IAsyncDisposable
{
    private const int BindAttempts = 5;
    private static readonly TimeSpan RestartBindTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);

    private readonly BoundedOutput _output = new(capacity: 400);
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Process? _process;
    private string? _stateDirectory;
    private JsonRpcClient? _rpc;
    private EthClient? _eth;
    private bool _disposed;

    public AnvilFixture()
        : this(new AnvilOptions())
    {
    }

    /// <summary>For derived fixtures with other options (xunit needs the single public constructor to be parameterless).</summary>
    protected AnvilFixture(AnvilOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public AnvilOptions Options { get; }

    /// <summary>The port, fixed for the fixture's life (restarts reuse it).</summary>
    public int Port { get; private set; }

    public Uri Url => Port != 0 ? new Uri($"http://127.0.0.1:{Port}/") : throw NotStarted();

    public ulong ChainId => Options.ChainId;

    /// <summary>A client of this chain; the same instance across kills and restarts.</summary>
    public JsonRpcClient Rpc => _rpc ?? throw NotStarted();

    public EthClient Eth => _eth ?? throw NotStarted();

    public static IReadOnlyList<string> DevPrivateKeys => AnvilDevAccounts.PrivateKeys;

    public static IReadOnlyList<Address> DevAddresses => AnvilDevAccounts.Addresses;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The process id of the running Anvil, or null while it is down.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>The state file when <see cref="AnvilOptions.PersistState"/> is on.</summary>
    public string? StateFile => _stateDirectory is null ? null : Path.Combine(_stateDirectory, "state.json");

    /// <summary>The last lines Anvil wrote (stdout and stderr), for diagnostics.</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>Starts a private chain; dispose it (<c>await using</c>) to kill it.</summary>
    public static async Task<AnvilFixture> StartAsync(AnvilOptions? options = null)
    {
        var fixture = new AnvilFixture(options ?? new AnvilOptions());
        try
        {
            await fixture.InitializeAsync();
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Port != 0)
                throw new InvalidOperationException("this Anvil was already started; use RestartAsync");
            if (Options.PersistState)
                _stateDirectory = Directory.CreateTempSubdirectory("photon-anvil-").FullName;
            for (var attempt = 1; attempt <= BindAttempts; attempt++)
            {
                var port = FreeTcpPort.Find();
                if (await LaunchAsync(port))
                {
                    Port = port;
                    _rpc = new JsonRpcClient(Url, Options.RpcOptions);
                    _eth = new EthClient(_rpc);
                    return;
                }
            }
            throw new InvalidOperationException($"Anvil found no free port in {BindAttempts} attempts:\n{RecentOutput}");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>SIGKILL: the chain vanishes at once, as in a crash. Endpoint calls fail until <see cref="RestartAsync"/>.</summary>
    public async Task KillAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            await KillProcessAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>SIGTERM and wait: Anvil dumps its state first when <see cref="AnvilOptions.PersistState"/> is on.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            await StopProcessAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Starts Anvil again on the same port (stopping it gracefully first if it still runs). Without
    /// <see cref="AnvilOptions.PersistState"/> the chain starts over from genesis.
    /// </summary>
    public async Task RestartAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Port == 0)
                throw NotStarted();
            await StopProcessAsync();
            // The port was ours, but something else may hold it for a moment (a lingering socket, a
            // client's ephemeral port): retry the same port until the deadline.
            var clock = Stopwatch.StartNew();
            while (!await LaunchAsync(Port))
            {
                if (clock.Elapsed > RestartBindTimeout)
                    throw new InvalidOperationException($"Anvil could not bind port {Port} again within {RestartBindTimeout}:\n{RecentOutput}");
                await Task.Delay(200);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Mines <paramref name="blocks"/> empty blocks at once (anvil_mine).</summary>
    public async Task MineAsync(ulong blocks = 1) =>
        await Rpc.CallAsync("anvil_mine", [((UInt256)blocks).ToHexString()]);

    /// <summary>Saves the chain state (evm_snapshot); returns the id for <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync() =>
        await Rpc.CallAsync<string>("evm_snapshot", []) ?? throw new InvalidOperationException("evm_snapshot returned null");

    /// <summary>Returns to a snapshot (evm_revert); a snapshot can be reverted to once.</summary>
    public async Task<bool> RevertAsync(string snapshotId) =>
        await Rpc.CallAsync<bool>("evm_revert", [snapshotId]);

    /// <summary>Turns mining per transaction on or off (evm_setAutomine); with it off, transactions wait for <see cref="MineAsync"/>.</summary>
    public async Task SetAutomineAsync(bool enabled) =>
        await Rpc.CallAsync("evm_setAutomine", [enabled]);

    /// <summary>Moves the timestamp of the next block forward (evm_increaseTime).</summary>
    public async Task IncreaseTimeAsync(ulong seconds) =>
        await Rpc.CallAsync("evm_increaseTime", [((UInt256)seconds).ToHexString()]);

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_disposed)
                return;
            _disposed = true;
            await KillProcessAsync();
            _rpc?.Dispose();
            if (_stateDirectory is not null && Directory.Exists(_stateDirectory))
                Directory.Delete(_stateDirectory, recursive: true);
        }
        finally
        {
            _lifecycle.Release();
        }
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private IEnumerable<string> Arguments(int port)
    {
        yield return "--host";
        yield return "127.0.0.1";
        yield return "--port";
        yield return port.ToString(CultureInfo.InvariantCulture);
        yield return "--chain-id";
        yield return Options.ChainId.ToString(CultureInfo.InvariantCulture);
        yield return "--accounts";
        yield return AnvilDevAccounts.PrivateKeys.Count.ToString(CultureInfo.InvariantCulture);
        yield return "--balance";
        yield return "10000";
        yield return "--mnemonic";
        yield return AnvilDevAccounts.Mnemonic;
        yield return "--color";
        yield return "never";
        if (Options.BlockTimeSeconds is { } blockTime)
        {
            yield return "--block-time";
            yield return blockTime.ToString(CultureInfo.InvariantCulture);
        }
        if (Options.Hardfork is { } hardfork)
        {
            yield return "--hardfork";
            yield return hardfork;
        }
        if (StateFile is { } state)
        {
            // --state loads the file when it exists and dumps on exit; the interval bounds what a SIGKILL loses.
            yield return "--state";
            yield return state;
            yield return "--state-interval";
            yield return "1";
        }
        foreach (var argument in Options.ExtraArguments)
            yield return argument;
    }

    /// <summary>Starts Anvil on <paramref name="port"/>; false when the port is taken, an exception for any other failure.</summary>
    private async Task<bool> LaunchAsync(int port)
    {
        var anvil = Path.Combine(RepoPaths.NodeModules, "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(anvil))
            throw new FileNotFoundException($"Anvil is not installed at {anvil}; building a test project runs `npm ci` in tools/", anvil);

        var mark = _output.Mark;
        _output.Add($"--- fixture: starting Anvil on port {port}");
        // Anvil prints "Listening on 127.0.0.1:<port>" once it holds the socket. Waiting for that line
        // (not just for an answer on the port) proves the answer comes from this process.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeningLine = $"Listening on 127.0.0.1:{port}";
        var process = await ChildProcessGuard.StartAsync(anvil, Arguments(port), RepoPaths.Tools);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            _output.Add(e.Data);
            if (e.Data.Contains(listeningLine, StringComparison.Ordinal))
                listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _output.Add("stderr: " + e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new JsonRpcClient(
            new Uri($"http://127.0.0.1:{port}/"),
            new JsonRpcClientOptions { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(2) });
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                // WaitForExit drains the output events, so the error text is complete.
                await process.WaitForExitAsync();
                var code = process.ExitCode;
                ForgetProcess();
                if (_output.ContainsSince(mark, "Address already in use"))
                    return false;
                throw new InvalidOperationException($"Anvil exited with code {code} before it answered on port {port}:\n{RecentOutput}");
            }
            if (listening.Task.IsCompleted)
            {
                try
                {
                    var chainId = await new EthClient(probe).ChainIdAsync();
                    if (chainId != Options.ChainId)
                    {
                        await KillProcessAsync();
                        throw new InvalidOperationException($"Anvil on port {port} reports chain id {chainId}, expected {Options.ChainId}");
                    }
                    return true;
                }
                catch (RpcTransportException)
                {
                    // Not serving yet.
                }
            }
            if (clock.Elapsed > Options.StartTimeout)
            {
                await KillProcessAsync();
                throw new TimeoutException($"Anvil did not answer on port {port} within {Options.StartTimeout}:\n{RecentOutput}");
            }
            await Task.WhenAny(listening.Task, Task.Delay(50));
        }
    }

    private async Task KillProcessAsync()
    {
        var process = _process;
        if (process is null)
            return;
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        await process.WaitForExitAsync();
        _output.Add($"--- fixture: Anvil killed (exit code {process.ExitCode})");
        ForgetProcess();
    }

    private async Task StopProcessAsync()
    {
        var process = _process;
        if (process is null)
            return;
        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                if (kill is not null)
                    await kill.WaitForExitAsync();
            }
            using var cts = new CancellationTokenSource(GracefulStopTimeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _output.Add($"--- fixture: Anvil ignored SIGTERM for {GracefulStopTimeout}; killing it");
                await KillProcessAsync();
                return;
            }
        }
        await process.WaitForExitAsync();
        _output.Add($"--- fixture: Anvil stopped (exit code {process.ExitCode})");
        ForgetProcess();
    }

    private void ForgetProcess()
    {
        if (_process is null)
            return;
        ChildProcessGuard.Forget(_process);
        _process.Dispose();
        _process = null;
    }

    private static InvalidOperationException NotStarted() => new("Anvil is not started: call InitializeAsync (xunit does for fixtures) or use AnvilFixture.StartAsync");
}
