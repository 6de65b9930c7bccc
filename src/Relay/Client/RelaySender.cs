using Microsoft.Extensions.Logging;
using Photon.Ethereum;
using Photon.Protocol.Messages;
using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// The sending half of <see cref="RelayClient"/>: per-recipient queues drained by one loop, one
/// request at a time (docs/relay.md, delivery guarantees).
/// </summary>
/// <remarks>
/// Invariants: a recipient's messages are stored by the relay in the order they were queued, each
/// once — a request is retried with the same txnId until the relay answers, and only a definite
/// refusal (nothing stored) lets its messages go into a request with another txnId. A recipient
/// whose key is unknown or whose relay queue is full is held back alone; the others keep flowing.
/// </remarks>
internal sealed partial class RelaySender : IDisposable
{
    /// <summary>Stores a request (one attempt); throws <see cref="RelayCallException"/> or <see cref="RelayLoginException"/>.</summary>
    public delegate Task SendToDeviceCall(string txnId, byte[] json, CancellationToken cancellationToken);

    /// <summary>The checked key of a recipient, or null when there is none to use yet.</summary>
    public delegate Task<RecipientKey?> KeyLookupCall(Address recipient, CancellationToken cancellationToken);

    private readonly SendToDeviceCall _sendToDevice;
    private readonly KeyLookupCall _lookupKey;
    private readonly Address _self;
    private readonly EphemeralKeyRing _ring;
    private readonly RelayClientOptions _options;
    private readonly Backoff _backoff;
    private readonly TimeProvider _time;
    private readonly RelayClientStats _stats;
    private readonly ILogger _logger;
    private readonly TxnIdSource _txnIds = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<Address, RecipientQueue> _queues = [];
    private readonly SemaphoreSlim _room;
    private readonly AsyncSignal _wake = new();
    private long _turn;
    private int _queued;
    private bool _closed;

    public RelaySender(SendToDeviceCall sendToDevice, KeyLookupCall lookupKey, Address self, EphemeralKeyRing ring, RelayClientOptions options,
        Backoff backoff, TimeProvider time, RelayClientStats stats, ILogger logger)
    {
        _sendToDevice = sendToDevice;
        _lookupKey = lookupKey;
        _self = self;
        _ring = ring;
        _options = options;
        _backoff = backoff;
        _time = time;
        _stats = stats;
        _logger = logger;
        _room = new SemaphoreSlim(options.MaxQueuedMessages, options.MaxQueuedMessages);
    }

    /// <summary>Messages queued and not yet settled (stored, failed or skipped).</summary>
    public int QueuedMessages => Volatile.Read(ref _queued);

    /// <summary>Queues a message; completes when the relay stored it. See <see cref="Transport.IMessageTransport.SendAsync"/>.</summary>
    public async Task SendAsync(Address recipient, SignedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        if (RelayEnvelope.Overhead + size > RelayEnvelope.MaxLength)
            throw new ArgumentException($"the message is {size} bytes; sealed it would pass the relay's limit of {RelayEnvelope.MaxLength}", nameof(message));
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingMessage(recipient, message, BatchPlanner.EncodedSize(size));
        lock (_lock)
        {
            if (_closed)
            {
                _room.Release();
                throw new ObjectDisposedException(nameof(RelayClient));
            }
            if (!_queues.TryGetValue(recipient, out var queue))
                _queues[recipient] = queue = new RecipientQueue(recipient);
            queue.Items.Enqueue(pending);
            _queued++;
        }
        _wake.Set();
        using (cancellationToken.Register(static state =>
        {
            var (p, token) = ((PendingMessage, CancellationToken))state!;
            p.Completion.TrySetCanceled(token);
        }, (pending, cancellationToken)))
        {
            await pending.Completion.Task.ConfigureAwait(false);
        }
    }

    /// <summary>The send loop; ends only by <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var (ready, wakeAt) = ReadyQueues();
            if (ready.Count == 0)
            {
                await _wake.WaitAsync(wakeAt is { } at ? at - _time.GetUtcNow() : null, _time, stop).ConfigureAwait(false);
                continue;
            }
            await LookUpKeysAsync(ready, stop).ConfigureAwait(false);
            var batch = Plan(ready);
            if (batch.Count == 0)
                continue;
            var txnId = _txnIds.Next();
            var json = Seal(batch);
            var outcome = await DeliverAsync(txnId, json, batch, stop).ConfigureAwait(false);
            Settle(batch, outcome);
        }
    }

    /// <summary>Fails every message still queued (the client shuts down); later sends throw <see cref="ObjectDisposedException"/>.</summary>
    public void Close()
    {
        List<PendingMessage> failed = [];
        lock (_lock)
        {
            _closed = true;
            foreach (var queue in _queues.Values)
            {
                while (queue.Items.TryDequeue(out var item))
                {
                    failed.Add(item);
                    Release();
                }
            }
            _queues.Clear();
        }
        var error = new ObjectDisposedException(nameof(RelayClient), "the relay client shut down before the relay stored this message");
        foreach (var item in failed)
            item.Completion.TrySetException(error);
    }

    public void Dispose()
    {
        _wake.Dispose();
        _room.Dispose();
    }

    private (List<RecipientQueue> Ready, DateTimeOffset? WakeAt) ReadyQueues()
    {
        var now = _time.GetUtcNow();
        List<RecipientQueue> ready = [];
        DateTimeOffset? wakeAt = null;
        lock (_lock)
        {
            List<Address>? idle = null;
            foreach (var queue in _queues.Values)
            {
                while (queue.Items.TryPeek(out var head) && head.IsAbandoned)
                {
                    queue.Items.Dequeue();
                    Release();
                }
                if (queue.Items.Count == 0)
                {
                    if (queue.HeldUntil <= now)
                        (idle ??= []).Add(queue.Recipient);
                    continue;
                }
                if (queue.HeldUntil > now)
                {
                    wakeAt = wakeAt is { } earlier && earlier < queue.HeldUntil ? earlier : queue.HeldUntil;
                    continue;
                }
                ready.Add(queue);
            }
            foreach (var address in idle ?? [])
                _queues.Remove(address);
        }
        return (ready, wakeAt);
    }

    private async Task LookUpKeysAsync(List<RecipientQueue> ready, CancellationToken stop)
    {
        foreach (var queue in ready)
        {
            if (queue.Key is not null)
                continue;
            try
            {
                queue.Key = await _lookupKey(queue.Recipient, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RelayCallException or RelayLoginException)
            {
                LogKeyLookupFailed(_logger, queue.Recipient, e.Message);
            }
            if (queue.Key is null)
            {
                lock (_lock)
                    Hold(queue, null);
            }
        }
    }

    private List<PendingMessage> Plan(List<RecipientQueue> ready)
    {
        lock (_lock)
        {
            var candidates = ready.Where(q => q.Key is not null).OrderBy(q => q.LastServed).ToList();
            if (candidates.FirstOrDefault(q => q.Solo) is { } solo)
                candidates = [solo];
            var live = candidates.Select(q => q.Items.Where(m => !m.IsAbandoned).Take(_options.MaxBatchMessages).ToList()).ToList();
            var counts = BatchPlanner.Plan(live.Select(l => (IReadOnlyList<int>)l.Select(m => m.EncodedSize).ToList()).ToList(), _options.MaxBatchMessages, _options.MaxBatchBytes);
            List<PendingMessage> batch = [];
            for (var i = 0; i < candidates.Count; i++)
            {
                foreach (var item in live[i].Take(counts[i]))
                {
                    item.InFlight = true;
                    batch.Add(item);
                }
            }
            return batch;
        }
    }

    private byte[] Seal(List<PendingMessage> batch)
    {
        var keys = new Dictionary<Address, RecipientQueue>();
        lock (_lock)
        {
            foreach (var item in batch)
                keys.TryAdd(item.Recipient, _queues[item.Recipient]);
        }
        return RelayApi.Json(w =>
        {
            w.WriteStartArray("messages");
            foreach (var item in batch)
            {
                var queue = keys[item.Recipient];
                var body = RelayEnvelope.Seal(_ring.KeyFor(queue.Key!), _self, EnvelopeId.New(), item.Message);
                w.WriteStartObject();
                w.WriteString("to", queue.RecipientText);
                w.WriteBase64String("body", body);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    /// <summary>Sends one request until the relay stores it or refuses it for certain (then nothing was stored).</summary>
    private async Task<Outcome> DeliverAsync(string txnId, byte[] json, List<PendingMessage> batch, CancellationToken stop)
    {
        for (var failures = 1; ; failures++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                await _sendToDevice(txnId, json, stop).ConfigureAwait(false);
                return Outcome.Stored;
            }
            catch (RelayCallException e) when (e.ErrorCode == "recipient_quota_exceeded")
            {
                _stats.QuotaRefusal();
                LogQuota(_logger, batch.Count, e.Message);
                return new Outcome(OutcomeKind.QuotaExceeded, e);
            }
            catch (RelayCallException e) when (e.IsTransient)
            {
                retryAfter = e.RetryAfter;
                LogSendRetry(_logger, txnId, batch.Count, failures, e.Message);
            }
            catch (RelayCallException e)
            {
                LogSendRefused(_logger, txnId, batch.Count, e.Message);
                return new Outcome(OutcomeKind.Refused, e);
            }
            catch (RelayLoginException e)
            {
                // Our messages are fine; the login is not. Keep them and keep trying: the relay may be reconfigured.
                LogLoginFailed(_logger, e.Message);
            }
            _stats.SendRetry();
            await Task.Delay(_backoff.Delay(failures, retryAfter), _time, stop).ConfigureAwait(false);
        }
    }

    private void Settle(List<PendingMessage> batch, Outcome outcome)
    {
        var byRecipient = batch.GroupBy(m => m.Recipient).ToDictionary(g => g.Key, g => g.Count());
        List<PendingMessage> settled = [];
        lock (_lock)
        {
            var queues = byRecipient.Keys.Select(a => _queues[a]).ToList();
            if (outcome.Kind == OutcomeKind.QuotaExceeded)
            {
                foreach (var item in batch)
                    item.InFlight = false;
                if (queues.Count == 1)
                    Hold(queues[0], (outcome.Error as RelayCallException)?.RetryAfter);
                else
                    queues.ForEach(q => q.Solo = true);
                return;
            }
            var turn = ++_turn;
            foreach (var queue in queues)
            {
                // The request took the first live messages of this queue, so everything before its
                // last one is either in the request or abandoned.
                var left = byRecipient[queue.Recipient];
                while (left > 0)
                {
                    var item = queue.Items.Dequeue();
                    Release();
                    if (item.InFlight)
                    {
                        settled.Add(item);
                        left--;
                    }
                }
                if (outcome.Kind == OutcomeKind.Stored)
                {
                    queue.Failures = 0;
                    queue.Solo = false;
                    queue.LastServed = turn;
                }
            }
        }
        if (outcome.Kind == OutcomeKind.Stored)
        {
            _stats.BatchSent(settled.Count);
            foreach (var item in settled)
                item.Completion.TrySetResult();
        }
        else
        {
            _stats.MessagesFailedForGood(settled.Count);
            foreach (var item in settled)
                item.Completion.TrySetException(outcome.Error!);
        }
    }

    // Under _lock.
    private void Hold(RecipientQueue queue, TimeSpan? retryAfter)
    {
        queue.Failures++;
        queue.HeldUntil = _time.GetUtcNow() + _backoff.Delay(queue.Failures, retryAfter);
    }

    // Under _lock.
    private void Release()
    {
        _queued--;
        _room.Release();
    }

    private enum OutcomeKind
    {
        Stored,
        QuotaExceeded,
        Refused,
    }

    private sealed record Outcome(OutcomeKind Kind, Exception? Error)
    {
        public static readonly Outcome Stored = new(OutcomeKind.Stored, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key lookup for {Recipient} failed: {Problem}; its messages wait")]
    private static partial void LogKeyLookupFailed(ILogger logger, Address recipient, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The relay refused {Count} message(s): a recipient's queue is full ({Problem}); holding it back")]
    private static partial void LogQuota(ILogger logger, int count, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sendToDevice {TxnId} ({Count} message(s)) failed, attempt {Attempt}: {Problem}; retrying")]
    private static partial void LogSendRetry(ILogger logger, string txnId, int count, int attempt, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The relay refused sendToDevice {TxnId} ({Count} message(s)) for good: {Problem}")]
    private static partial void LogSendRefused(ILogger logger, string txnId, int count, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot log in to the relay: {Problem}; retrying")]
    private static partial void LogLoginFailed(ILogger logger, string problem);
}
