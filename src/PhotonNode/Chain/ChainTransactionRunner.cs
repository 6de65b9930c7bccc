using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Storage;
using Photon.Protocol.Events;

namespace Photon.Node.Chain;

/// <summary>
/// Sends the journal's chain transactions one at a time, in row order (docs/node.md "Transactions"):
/// Pending → submitted (hash recorded before the receipt is awaited) → Mined or Failed. A revert is final
/// (Failed with its reason); a transport failure is retried with backoff; a Submitted row of an earlier run
/// waits for its receipt by hash.
/// </summary>
public sealed partial class ChainTransactionRunner : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly TransactionSender _sender;
    private readonly IChainTransactionJournal _journal;
    private readonly Address _secretRegistry;
    private readonly ILogger _logger;
    private readonly Channel<ChainTransactionRecord> _queue = Channel.CreateUnbounded<ChainTransactionRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public ChainTransactionRunner(TransactionSender sender, IChainTransactionJournal journal, Address secretRegistry, ILogger? logger = null)
    {
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _secretRegistry = secretRegistry;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Raised after a row ended (Mined or Failed), with its id, status and error.</summary>
    public event Action<long, ChainTransactionStatus, string?>? Finished;

    /// <summary>Starts sending: first the rows an earlier run left unfinished, then whatever is enqueued.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var row in await _journal.LoadUnfinishedAsync(ct).ConfigureAwait(false))
            _queue.Writer.TryWrite(row);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Queues a row committed by the runtime.</summary>
    public void Enqueue(ChainTransactionRecord row) => _queue.Writer.TryWrite(row);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await foreach (var row in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var backoff = TimeSpan.FromMilliseconds(500);
            var current = row;
            while (true)
            {
                try
                {
                    current = await RunOnceAsync(current, ct).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is RpcException or HttpRequestException or TimeoutException or TransactionOutcomeUnknownException && e is not ExecutionRevertedException)
                {
                    LogRetry(_logger, current.Id, current.Kind, backoff, e);
                    await Task.Delay(backoff, ct).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
            }
        }
    }

    /// <summary>Carries one row to its end; returns it as submitted when a transient failure interrupts the wait.</summary>
    private async Task<ChainTransactionRecord> RunOnceAsync(ChainTransactionRecord row, CancellationToken ct)
    {
        var hash = row.Hash;
        try
        {
            if (row.Status != ChainTransactionStatus.Submitted || hash is null)
            {
                var request = ProtocolJson.Decode<Event>(row.Request);
                var (to, data) = ContractCalls.For(request, _secretRegistry)
                    ?? throw new InvalidOperationException($"chain transaction {row.Id} holds {row.Kind}, which is no contract call");
                hash = await _sender.SubmitAsync(to, data, ct: ct).ConfigureAwait(false);
                await _journal.MarkSubmittedAsync(row.Id, hash.Value, ct).ConfigureAwait(false);
                row = row with { Status = ChainTransactionStatus.Submitted, Hash = hash };
            }
            await _sender.WaitAsync(hash.Value, ct).ConfigureAwait(false);
            await FinishAsync(row, ChainTransactionStatus.Mined, null, ct).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e) when (AlreadySettled(row, e.RevertData.Span))
        {
            // Both participants settle once the window has passed; whoever is second finds the channel gone.
            await FinishAsync(row, ChainTransactionStatus.Failed, "not needed: the channel was already settled", ct, quiet: true).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e)
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, "refused at estimation: " + Describe(e.RevertData.Span, e.Reason.Description), ct).ConfigureAwait(false);
        }
        catch (TransactionFailedException e) when (e.Reason is { } reason && AlreadySettled(row, reason.Data.Span))
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, "not needed: the channel was settled first by the partner", ct, quiet: true).ConfigureAwait(false);
        }
        catch (TransactionFailedException e)
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, "reverted: " + (e.Reason is { } reason ? Describe(reason.Data.Span, reason.Description) : "no reason"), ct).ConfigureAwait(false);
        }
        return row;
    }

    /// <summary>A settle refused because the channel is no longer closed: the partner settled it first.</summary>
    private static bool AlreadySettled(ChainTransactionRecord row, ReadOnlySpan<byte> revertData) =>
        row.Kind == nameof(ContractSendChannelSettle) && TokenNetworkContract.TryDecodeError(revertData)?.Error.Name == "ChannelNotClosed";

    private async Task FinishAsync(ChainTransactionRecord row, ChainTransactionStatus status, string? error, CancellationToken ct, bool quiet = false)
    {
        await _journal.MarkFinishedAsync(row.Id, status, error, ct).ConfigureAwait(false);
        if (status == ChainTransactionStatus.Failed && quiet)
            LogNotNeeded(_logger, row.Id, row.Kind, error ?? "");
        else if (status == ChainTransactionStatus.Failed)
            LogFailed(_logger, row.Id, row.Kind, error ?? "");
        Finished?.Invoke(row.Id, status, error);
    }

    /// <summary>A custom error of our contracts by name (e.g. <c>ChannelNotOpened()</c>), else the generic description.</summary>
    private static string Describe(ReadOnlySpan<byte> revertData, string fallback) =>
        (TokenNetworkContract.TryDecodeError(revertData) ?? SecretRegistryContract.TryDecodeError(revertData))?.ToString() ?? fallback;

    [LoggerMessage(Level = LogLevel.Warning, Message = "chain transaction {Id} ({Kind}) failed for now; retrying in {Backoff}")]
    private static partial void LogRetry(ILogger logger, long id, string kind, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "chain transaction {Id} ({Kind}) dropped: {Error}")]
    private static partial void LogNotNeeded(ILogger logger, long id, string kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chain transaction {Id} ({Kind}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long id, string kind, string error);
}
