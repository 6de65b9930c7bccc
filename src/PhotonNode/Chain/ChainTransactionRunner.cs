using System.Text.Json;
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

    /// <summary>
    /// The send loop: runs until disposed, faulted when something other than the chain failed (e.g. the journal cannot
    /// be written). Sending on after that could send a row twice, so the node must stop: the host watches this.
    /// </summary>
    public Task Completion => _loop ?? throw new InvalidOperationException("the runner is not started");

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
            catch (Exception) when (_loop.IsFaulted)
            {
                // Already reported through Completion; a faulted loop must not stop the rest of the node from closing.
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
                    // Once submitted, current holds the hash: a transient failure while waiting retries the wait by
                    // that hash, never a second send (which would take another nonce and fail once the first is mined).
                    if (current.Status != ChainTransactionStatus.Submitted || current.Hash is null)
                    {
                        if (await SubmitAsync(current, ct).ConfigureAwait(false) is not { } submitted)
                            break;
                        current = submitted;
                    }
                    await WaitAsync(current, ct).ConfigureAwait(false);
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

    /// <summary>
    /// Sends the row's call and records its hash; returns the row as submitted, or null when the row ended without a
    /// send (refused at estimation, or a stored request that is no contract call: failing it keeps the rows after it running).
    /// </summary>
    private async Task<ChainTransactionRecord?> SubmitAsync(ChainTransactionRecord row, CancellationToken ct)
    {
        (Address To, byte[] Data)? call;
        try
        {
            call = ContractCalls.For(ProtocolJson.Decode<Event>(row.Request), _secretRegistry);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, $"the stored request cannot be read ({row.Kind}): {e.Message}", ct).ConfigureAwait(false);
            return null;
        }
        if (call is not { } contractCall)
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, $"the stored request is no contract call ({row.Kind})", ct).ConfigureAwait(false);
            return null;
        }
        Hash256 hash;
        try
        {
            hash = await _sender.SubmitAsync(contractCall.To, contractCall.Data, ct: ct).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e) when (AlreadySettled(row, e.RevertData.Span))
        {
            // Both participants settle once the window has passed; whoever is second finds the channel gone.
            await FinishAsync(row, ChainTransactionStatus.Failed, "not needed: the channel was already settled", ct, quiet: true).ConfigureAwait(false);
            return null;
        }
        catch (ExecutionRevertedException e)
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, "refused at estimation: " + Describe(e.RevertData.Span, e.Reason.Description), ct).ConfigureAwait(false);
            return null;
        }
        await _journal.MarkSubmittedAsync(row.Id, hash, ct).ConfigureAwait(false);
        return row with { Status = ChainTransactionStatus.Submitted, Hash = hash };
    }

    /// <summary>Waits for the receipt of a submitted row and ends it Mined, or Failed with the reason of its revert.</summary>
    private async Task WaitAsync(ChainTransactionRecord row, CancellationToken ct)
    {
        try
        {
            await _sender.WaitAsync(row.Hash!.Value, ct).ConfigureAwait(false);
        }
        catch (TransactionFailedException e) when (e.Reason is { } reason && AlreadySettled(row, reason.Data.Span))
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, "not needed: the channel was settled first by the partner", ct, quiet: true).ConfigureAwait(false);
            return;
        }
        catch (TransactionFailedException e)
        {
            await FinishAsync(row, ChainTransactionStatus.Failed, "reverted: " + (e.Reason is { } reason ? Describe(reason.Data.Span, reason.Description) : "no reason"), ct).ConfigureAwait(false);
            return;
        }
        await FinishAsync(row, ChainTransactionStatus.Mined, null, ct).ConfigureAwait(false);
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

    /// <summary>A custom error of our contracts by name and arguments (e.g. <c>ChannelNotOpened(channelId: 7)</c>), else the generic description.</summary>
    private static string Describe(ReadOnlySpan<byte> revertData, string fallback) =>
        (TokenNetworkContract.TryDecodeError(revertData) ?? SecretRegistryContract.TryDecodeError(revertData)) is { } decoded
            ? decoded.Error.Name + decoded.Values
            : fallback;

    [LoggerMessage(Level = LogLevel.Warning, Message = "chain transaction {Id} ({Kind}) failed for now; retrying in {Backoff}")]
    private static partial void LogRetry(ILogger logger, long id, string kind, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "chain transaction {Id} ({Kind}) dropped: {Error}")]
    private static partial void LogNotNeeded(ILogger logger, long id, string kind, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "chain transaction {Id} ({Kind}) failed: {Error}")]
    private static partial void LogFailed(ILogger logger, long id, string kind, string error);
}
