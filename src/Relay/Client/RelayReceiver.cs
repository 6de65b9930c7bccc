using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Photon.Ethereum;
using Photon.Relay.Crypto;
using Photon.Relay.Transport;

namespace Photon.Relay.Client;

/// <summary>
/// The receiving half of <see cref="RelayClient"/>: long-poll syncs, envelopes opened, redeliveries
/// dropped by envelope id, messages written to the node's bounded inbox.
/// </summary>
/// <remarks>
/// Invariant: a batch is acknowledged (its <c>next_batch</c> becomes the next <c>since</c>) only after
/// every message of it was written to the inbox or dropped as bad, so a crash or shutdown before
/// that gets the batch again from the relay. An id is remembered only once its message was written,
/// so a redelivery of a message that never reached the inbox is not mistaken for a duplicate.
/// </remarks>
internal sealed partial class RelayReceiver(
    RelayReceiver.SyncCall sync,
    DerivedKeyCache keys,
    RecentEnvelopeIds recent,
    ChannelWriter<ReceivedMessage> inbox,
    Backoff backoff,
    TimeProvider time,
    RelayClientStats stats,
    ILogger logger)
{
    /// <summary>One sync (one attempt); throws <see cref="RelayCallException"/> or <see cref="RelayLoginException"/>.</summary>
    public delegate Task<SyncAnswer> SyncCall(string? since, CancellationToken cancellationToken);

    // A body longer than this in base64 cannot decode to an envelope the relay accepts.
    private const int MaxBase64Length = (RelayEnvelope.MaxLength + 2) / 3 * 4;

    /// <summary>The receive loop; ends only by <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        // No since on the first sync: from the oldest message the relay still holds for us.
        string? since = null;
        var failures = 0;
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            SyncAnswer answer;
            TimeSpan? retryAfter = null;
            try
            {
                answer = await sync(since, stop).ConfigureAwait(false);
            }
            catch (RelayCallException e)
            {
                failures++;
                stats.SyncRetry();
                if (e.IsTransient)
                {
                    LogSyncRetry(logger, failures, e.Message);
                    retryAfter = e.RetryAfter;
                }
                else
                {
                    // E.g. a relay that no longer knows our since: start again from its oldest
                    // message; what we already have comes back with known ids and is dropped.
                    LogSyncRefused(logger, e.Message);
                    since = null;
                }
                await Task.Delay(backoff.Delay(failures, retryAfter), time, stop).ConfigureAwait(false);
                continue;
            }
            catch (RelayLoginException e)
            {
                failures++;
                stats.SyncRetry();
                LogLoginFailed(logger, e.Message);
                await Task.Delay(backoff.Delay(failures), time, stop).ConfigureAwait(false);
                continue;
            }
            failures = 0;
            stats.Sync();
            // Opening is CPU-bound (ECDH on a new key, AES-GCM, a signature recovery per message): the
            // batch is opened on all cores, then delivered in its order.
            var opened = new (Address From, OpenedEnvelope Envelope)?[answer.Messages.Count];
            Parallel.For(0, opened.Length, new ParallelOptions { CancellationToken = stop }, i => opened[i] = Open(answer.Messages[i]));
            foreach (var message in opened)
                if (message is { } m)
                    await DeliverAsync(m.From, m.Envelope, stop).ConfigureAwait(false);
            since = answer.NextBatch;
        }
    }

    /// <summary>Opens one synced message and writes it to the inbox, or drops it (counted and logged).</summary>
    internal async Task HandleAsync(SyncEntry entry, CancellationToken stop)
    {
        if (Open(entry) is { } opened)
            await DeliverAsync(opened.From, opened.Envelope, stop).ConfigureAwait(false);
    }

    /// <summary>Opens one synced message, or drops it (counted and logged). Thread-safe.</summary>
    private (Address From, OpenedEnvelope Envelope)? Open(SyncEntry entry)
    {
        if (!Address.TryParse(entry.From, out var from))
        {
            stats.MalformedDroppedOne();
            LogMalformed(logger, "its 'from' is not an address");
            return null;
        }
        if (entry.Body is not { } text || text.Length > MaxBase64Length || !TryDecodeBase64(text, out var body))
        {
            stats.MalformedDroppedOne();
            LogMalformed(logger, $"the body from {from} is missing, too long or not base64");
            return null;
        }
        if (!RelayEnvelope.TryOpen(body, from, keys, out var opened, out var refusal, out var problem))
        {
            stats.EnvelopeRefused(refusal);
            LogRefused(logger, from, refusal, problem);
            return null;
        }
        return (from, opened);
    }

    /// <summary>Writes an opened message to the inbox once: a redelivered envelope id is dropped.</summary>
    private async Task DeliverAsync(Address from, OpenedEnvelope opened, CancellationToken stop)
    {
        if (recent.Contains(opened.Id))
        {
            stats.DuplicateDropped();
            LogDuplicate(logger, opened.Id, from);
            return;
        }
        await inbox.WriteAsync(new ReceivedMessage(from, opened.Message), stop).ConfigureAwait(false);
        recent.Add(opened.Id);
        stats.MessageReceived();
    }

    private static bool TryDecodeBase64(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync failed (attempt {Attempt}): {Problem}; retrying")]
    private static partial void LogSyncRetry(ILogger logger, int attempt, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The relay refused our sync: {Problem}; syncing again from its oldest message")]
    private static partial void LogSyncRefused(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot log in to the relay: {Problem}; retrying")]
    private static partial void LogLoginFailed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a relay message: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped an envelope from {From}: {Reason}, {Problem}")]
    private static partial void LogRefused(ILogger logger, Address from, EnvelopeRefusal reason, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped envelope {Id} from {From}: already received")]
    private static partial void LogDuplicate(ILogger logger, EnvelopeId id, Address from);
}
