using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Api;
using Photon.Node.Application;
using Photon.Node.Chain;
using Photon.Node.Routing;
using Photon.Node.Storage;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Relay.Client;

namespace Photon.Node.Runtime;

/// <summary>
/// A running node (docs/node.md): data directory, database, recovered state, relay transport, chain sync,
/// transaction runner, application and REST API, started in that order and stopped in reverse.
/// </summary>
public sealed partial class NodeHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];
    private readonly List<IDisposable> _disposables = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _chainLoop;

    private NodeHost()
    {
    }

    public Address Address { get; private set; }

    public ulong ChainId { get; private set; }

    /// <summary>The REST API's base URL (http://127.0.0.1:port).</summary>
    public Uri ApiUrl { get; private set; } = null!;

    public string ApiToken { get; private set; } = "";

    public string DataPath { get; private set; } = "";

    public INodeApplication Application => _application!;

    private NodeApplication? _application;
    private NodeRuntime? _runtime;

    /// <summary>Completes when the node stops by itself (a fatal error of its state loop, chain sync or transaction runner).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <exception cref="NodeStartException">The node cannot start with these options; the message says why.</exception>
    public static async Task<NodeHost> StartAsync(NodeHostOptions options, NodeKeySource keys, ILoggerFactory loggers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(loggers);
        var host = new NodeHost();
        try
        {
            await host.StartCoreAsync(options, keys, loggers, ct).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(NodeHostOptions options, NodeKeySource keys, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("photon.node");
        var rpc = new JsonRpcClient(options.EthRpc);
        _disposables.Add(rpc);
        var eth = new EthClient(rpc);
        ulong chainId;
        try
        {
            chainId = await eth.ChainIdAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or HttpRequestException)
        {
            throw new NodeStartException($"the Ethereum node at {options.EthRpc} does not answer: {e.Message}");
        }
        ChainId = chainId;
        var key = keys.Load(chainId);
        _disposables.Add(key);
        Address = key.Address;
        var dev = DevChain.Is(chainId);

        DataDirectory directory;
        try
        {
            directory = DataDirectory.Open(options.DataRoot, chainId, key.Address);
        }
        catch (IOException e)
        {
            throw new NodeStartException(e.Message);
        }
        _disposables.Add(directory);
        DataPath = directory.Path;
        var database = NodeDatabase.Open(directory.DatabasePath, options.SynchronousFull);
        _disposables.Add(database);
        try
        {
            database.EnsureIdentity(key.Address, chainId);
        }
        catch (DatabaseIdentityException e)
        {
            throw new NodeStartException(e.Message);
        }

        var registry = Remember(database, "registry", options.Registry?.ToString(), "--registry (the TokenNetworkRegistry address) is required on the first start");
        var registryAddress = Address.Parse(registry);
        var registryContract = new TokenNetworkRegistryContract(eth, registryAddress);
        Address secretRegistry;
        ulong punishWindow;
        try
        {
            secretRegistry = await registryContract.SecretRegistryAsync(ct: ct).ConfigureAwait(false);
            punishWindow = (ulong)await registryContract.PunishWindowAsync(ct: ct).ConfigureAwait(false);
            var registryChain = (ulong)await registryContract.ChainIdAsync(ct: ct).ConfigureAwait(false);
            if (registryChain != chainId)
                throw new NodeStartException($"the registry {registryAddress} is deployed for chain {registryChain}, the Ethereum node serves chain {chainId}");
        }
        catch (Exception e) when (e is RpcException or ContractErrorException or FormatException)
        {
            throw new NodeStartException($"{registryAddress} is not a TokenNetworkRegistry on this chain: {e.Message}");
        }
        var startBlock = ulong.Parse(
            Remember(database, "start_block", (options.StartBlock ?? (dev ? 0UL : null))?.ToString(CultureInfo.InvariantCulture), "--start-block (the registry's deployment block) is required on the first start off a dev chain"),
            CultureInfo.InvariantCulture);

        var machine = new StateMachine(key);
        var history = await database.LoadAsync(ct).ConfigureAwait(false);
        var initial = history.Snapshot ?? new NodeState(key.Address, chainId, startBlock == 0 ? 0 : startBlock - 1, ProtocolSettings.Default with { PunishWindow = punishWindow });
        var state = BlockClock.Replay(machine, initial, history.Later.Select(l => l.Change));
        LogRecovered(logger, key.Address, history.Later.Count, state.BlockNumber, state.Outbox.Count);

        var relay = new RelayClient(new RelayClientOptions { BaseAddress = options.Relay, Key = key, ServerName = options.RelayName }, logger: loggers.CreateLogger("photon.relay"));
        _parts.Add(relay);
        try
        {
            await relay.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RelayLoginException or RelayCallException or HttpRequestException)
        {
            throw new NodeStartException($"cannot log in to the relay {options.Relay}: {e.Message}");
        }

        var sender = new TransactionSender(eth, key, chainId);
        var runner = new ChainTransactionRunner(sender, database, secretRegistry, loggers.CreateLogger("photon.chain"));
        _parts.Add(runner);
        var runtime = new NodeRuntime(key, state, history.LastStateChangeId, database, relay, e => ContractCalls.Describe(e), runner.Enqueue, logger: loggers.CreateLogger("photon.runtime"));
        _runtime = runtime;
        _parts.Add(runtime);

        var confirmations = options.Confirmations ?? (dev ? 0UL : 5UL);
        var sync = new ChainSync(eth, registryAddress, secretRegistry, confirmations);
        var graph = new NetworkGraph();
        for (var from = startBlock; from <= state.BlockNumber; from += ChainSync.MaxChunk)
        {
            var to = Math.Min(state.BlockNumber, from + ChainSync.MaxChunk - 1);
            foreach (var e in await sync.ReadRangeAsync(from, to, [.. state.TokenNetworks.Keys], ct).ConfigureAwait(false))
                graph.Apply(e);
        }

        var payments = new PaymentBook();
        foreach (var network in state.TokenNetworks.Values)
            payments.KnowToken(network.Address, network.Token);
        await foreach (var stored in database.ReadFromAsync(0, ct).ConfigureAwait(false))
            payments.Apply(stored, key.Address);
        payments.AddInFlight(state, key.Address);

        var application = new NodeApplication(runtime, graph, new ChainActions(sender, registryAddress), database, payments,
            new NodeApplicationOptions(chainId, registryAddress, punishWindow) { DefaultSettleTimeout = options.DefaultSettleTimeout, Confirmations = confirmations },
            () => relay.Stats.Logins > 0);
        _application = application;
        _disposables.Add(application);

        _disposables.Add(runtime.Subscribe(dispatched =>
        {
            if (dispatched.Event is EventProofValuesUnknown unknown)
                _ = Task.Run(() => RecallAsync(database, runtime, unknown, logger, _stopping.Token));
        }));
        runtime.Start();
        await runner.StartAsync(ct).ConfigureAwait(false);
        var poll = options.PollInterval ?? (dev ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1));
        _chainLoop = Task.Run(() => FollowChainAsync(sync, runtime, graph, application, poll, loggers.CreateLogger("photon.chain"), _stopping.Token), CancellationToken.None);

        ApiToken = directory.WriteApiToken();
        var web = NodeApi.Build(application, new NodeApiOptions("http://" + options.ApiAddress, ApiToken));
        _parts.Add(web);
        try
        {
            await web.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new NodeStartException($"the API cannot listen on {options.ApiAddress}: {e.Message}");
        }
        ApiUrl = new Uri(NodeApi.Addresses(web)[0]);
        Completion = Task.WhenAny(runtime.Completion, _chainLoop, runner.Completion).Unwrap();
    }

    /// <summary>Stops the API, the loops and the transport, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            if (_parts[i] is WebApplication web)
                await web.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _parts[i].DisposeAsync().ConfigureAwait(false);
        }
        if (_chainLoop is not null)
        {
            try
            {
                await _chainLoop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        for (var i = _disposables.Count - 1; i >= 0; i--)
            _disposables[i].Dispose();
        _stopping.Dispose();
    }

    private static async Task FollowChainAsync(ChainSync sync, NodeRuntime runtime, NetworkGraph graph, NodeApplication application, TimeSpan poll, ILogger logger, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            ChainBatch? batch = null;
            try
            {
                var state = runtime.State;
                batch = await sync.NextAsync(state.BlockNumber, [.. state.TokenNetworks.Keys], ct).ConfigureAwait(false);
                application.ObserveHead(sync.LastHead);
                if (batch is not null)
                {
                    await runtime.SubmitBatchAsync(batch.Changes, ct).ConfigureAwait(false);
                    foreach (var e in batch.Events)
                        graph.Apply(e);
                }
            }
            catch (Exception e) when (e is RpcException or HttpRequestException or TimeoutException)
            {
                LogSyncRetry(logger, e);
            }
            // A full chunk means more blocks wait: go on at once.
            if (batch is null || batch.ToBlock - batch.FromBlock + 1 < ChainSync.MaxChunk)
                await Task.Delay(poll, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Finds a stored proof's values in the node's history and hands them to the state machine.</summary>
    private static async Task RecallAsync(NodeDatabase database, NodeRuntime runtime, EventProofValuesUnknown unknown, ILogger logger, CancellationToken ct)
    {
        try
        {
            if (await ProofRecall.FindAsync(database, runtime.State.Our, unknown, ct).ConfigureAwait(false) is { } recall)
                await runtime.SubmitAsync(recall, ct).ConfigureAwait(false);
            else
                LogRecallMissing(logger, unknown.Nonce, unknown.ChannelId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static string Remember(NodeDatabase database, string key, string? given, string missing)
    {
        var stored = database.GetMeta(key);
        if (stored is null)
        {
            database.SetMeta(key, given ?? throw new NodeStartException(missing));
            return given;
        }
        if (given is not null && !string.Equals(stored, given, StringComparison.OrdinalIgnoreCase))
            throw new NodeStartException($"this node's database follows {key} {stored}, not {given}; use another data directory for another deployment");
        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Address} recovered: {Replayed} state changes replayed, block {Block}, {Outbox} messages to re-send")]
    private static partial void LogRecovered(ILogger logger, Address address, int replayed, ulong block, int outbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "the history holds no proof of nonce {Nonce} in channel {ChannelId}; settling is left to the partner")]
    private static partial void LogRecallMissing(ILogger logger, ulong nonce, UInt256 channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chain sync failed for now; retrying")]
    private static partial void LogSyncRetry(ILogger logger, Exception exception);
}
