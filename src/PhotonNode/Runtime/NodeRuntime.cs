using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Photon.Ethereum.Crypto;
using Photon.Node.Chain;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using Photon.Relay.Transport;

namespace Photon.Node.Runtime;

/// <summary>
/// The loop that owns the node's state (docs/node.md "Runtime"): it applies queued state changes in arrival
/// order, commits them with their events and chain transactions in one journal transaction, publishes the
/// new state, and only then dispatches what they caused (messages, transactions, notifications).
/// </summary>
/// <remarks>
/// Invariants: <see cref="State"/> is always a committed state; nothing leaves the node before the commit of
/// the state change that caused it; the block context of a state change is the state's block, except
/// <see cref="Block"/>(n), whose context is n, so a replay needs nothing but the state changes.
/// </remarks>
public sealed partial class NodeRuntime : IAsyncDisposable
{
    /// <summary>Received messages that may wait for their commit at once.</summary>
    private const int ReceiveWindow = 256;

    private readonly StateMachine _machine;
    private readonly PrivateKey _key;
    private readonly INodeJournal _journal;
    private readonly IMessageTransport _transport;
    private readonly Func<Event, (string Kind, string Request)?> _describeTransaction;
    private readonly Action<ChainTransactionRecord> _submitTransaction;
    private readonly NodeRuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<PendingBatch> _queue = Channel.CreateUnbounded<PendingBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<StateWaiter> _waiters = [];
    private readonly List<Action<DispatchedEvent>> _subscribers = [];
    private readonly Dictionary<ulong, long> _lastSent = [];
    private NodeState _state;
    private long _lastStateChangeId;
    private long _lastSnapshotId;
    private Task? _loop;
    private Task? _receiver;
    private Task? _resender;

    public NodeRuntime(
        PrivateKey key,
        NodeState state,
        long lastStateChangeId,
        INodeJournal journal,
        IMessageTransport transport,
        Func<Event, (string Kind, string Request)?> describeTransaction,
        Action<ChainTransactionRecord> submitTransaction,
        NodeRuntimeOptions? options = null,
        ILogger? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        _key = key;
        _machine = new StateMachine(key);
        _state = state;
        _lastStateChangeId = lastStateChangeId;
        _lastSnapshotId = lastStateChangeId;
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _describeTransaction = describeTransaction ?? throw new ArgumentNullException(nameof(describeTransaction));
        _submitTransaction = submitTransaction ?? throw new ArgumentNullException(nameof(submitTransaction));
        _options = options ?? new NodeRuntimeOptions();
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The newest committed state.</summary>
    public NodeState State => Volatile.Read(ref _state);

    /// <summary>Completes when the loop stops; faulted when a commit failed (the node must then stop: nothing after it is safe).</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    /// <summary>Starts the loop, the receiver and the re-sender, and re-sends the outbox of the recovered state at once.</summary>
    public void Start()
    {
        if (_loop is not null)
            throw new InvalidOperationException("the runtime is already started");
        _loop = Task.Run(() => RunLoopAsync(_stopping.Token));
        _receiver = Task.Run(() => ReceiveAsync(_stopping.Token));
        _resender = Task.Run(() => ResendAsync(_stopping.Token));
    }

    /// <summary>Applies one state change; returns its events once they are committed.</summary>
    public async Task<IReadOnlyList<Event>> SubmitAsync(StateChange change, CancellationToken ct)
    {
        var events = await SubmitBatchAsync([change], ct).ConfigureAwait(false);
        return events[0];
    }

    /// <summary>
    /// Applies the changes in order and commits them together (never split across commits): a chain batch
    /// ending with its <see cref="Block"/> is all applied or none. Returns each change's events.
    /// </summary>
    public Task<IReadOnlyList<IReadOnlyList<Event>>> SubmitBatchAsync(IReadOnlyList<StateChange> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var pending = new PendingBatch(changes, new TaskCompletionSource<IReadOnlyList<IReadOnlyList<Event>>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(NodeRuntime), "the node is stopping");
        return pending.Completion.Task.WaitAsync(ct);
    }

    /// <summary>Completes with the first committed state that satisfies <paramref name="predicate"/> (the current one included).</summary>
    public Task<NodeState> WaitForStateAsync(Func<NodeState, bool> predicate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new StateWaiter(predicate, new TaskCompletionSource<NodeState>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            var state = State;
            if (predicate(state))
                return Task.FromResult(state);
            _waiters.Add(waiter);
        }
        ct.Register(() =>
        {
            lock (_gate)
                _waiters.Remove(waiter);
            waiter.Completion.TrySetCanceled(ct);
        });
        return waiter.Completion.Task;
    }

    /// <summary>
    /// Calls <paramref name="subscriber"/> with every event after its commit, on the loop, in commit order.
    /// Subscribers must return quickly (hand the event to a queue). Dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Action<DispatchedEvent> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
            _subscribers.Add(subscriber);
        return new Subscription(this, subscriber);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _loop, _receiver, _resender })
        {
            if (task is null)
                continue;
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
            }
            catch (Exception e)
            {
                LogStopFailure(_logger, e);
            }
        }
        _stopping.Dispose();
    }

    private async Task RunLoopAsync(CancellationToken ct)
    {
        var batches = new List<PendingBatch>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                batches.Clear();
                var count = 0;
                // Group commit: take what is waiting, whole batches only, up to MaxBatch changes (a larger batch goes alone).
                while (_queue.Reader.TryPeek(out var next) && (count == 0 || count + next.Changes.Count <= _options.MaxBatch))
                {
                    _queue.Reader.TryRead(out _);
                    batches.Add(next);
                    count += next.Changes.Count;
                }
                await ApplyAsync(batches, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLoopFailure(_logger, e);
            _queue.Writer.TryComplete(e);
            foreach (var batch in batches)
                batch.Completion.TrySetException(e);
            while (_queue.Reader.TryRead(out var left))
                left.Completion.TrySetException(e);
            throw;
        }
    }

    private async Task ApplyAsync(List<PendingBatch> batches, CancellationToken ct)
    {
        var state = State;
        var applied = new List<AppliedChange>();
        var results = new List<(PendingBatch Batch, IReadOnlyList<IReadOnlyList<Event>> Events)>();
        foreach (var batch in batches)
        {
            var start = state;
            var batchApplied = new List<AppliedChange>();
            try
            {
                foreach (var change in batch.Changes)
                {
                    var result = _machine.Transition(state, change, BlockClock.ContextFor(state, change));
                    state = result.State;
                    batchApplied.Add(new AppliedChange(change, state.BlockNumber, result.Events, [.. result.Events.Select(_describeTransaction).OfType<(string, string)>()]));
                }
            }
            catch (ArgumentException e)
            {
                // A transition that throws is a caller's error (e.g. a block going back); the pure machine left
                // no trace, so the batch is refused whole and the state stays as it was before it.
                state = start;
                batch.Completion.TrySetException(e);
                continue;
            }
            applied.AddRange(batchApplied);
            results.Add((batch, [.. batchApplied.Select(a => a.Events)]));
        }
        if (applied.Count == 0)
            return;

        var committed = await _journal.CommitAsync(applied, ct).ConfigureAwait(false);
        Volatile.Write(ref _state, state);
        _lastStateChangeId = committed.LastStateChangeId;
        if (_lastStateChangeId - _lastSnapshotId >= _options.SnapshotInterval)
        {
            await _journal.WriteSnapshotAsync(_lastStateChangeId, state, ct).ConfigureAwait(false);
            _lastSnapshotId = _lastStateChangeId;
        }

        Dispatch(applied, committed, state);
        foreach (var (batch, events) in results)
            batch.Completion.TrySetResult(events);
        ReleaseWaiters(state);
    }

    private void Dispatch(List<AppliedChange> applied, CommittedBatch committed, NodeState state)
    {
        foreach (var transaction in committed.Transactions)
            _submitTransaction(transaction);
        Action<DispatchedEvent>[] subscribers;
        lock (_gate)
            subscribers = [.. _subscribers];
        var index = 0;
        foreach (var change in applied)
        {
            foreach (var @event in change.Events)
            {
                var id = committed.EventIds[index++];
                if (@event is SendMessage send)
                    Send(send.Recipient, send.Message);
                var dispatched = new DispatchedEvent(id, @event, state.BlockNumber);
                foreach (var subscriber in subscribers)
                {
                    try
                    {
                        subscriber(dispatched);
                    }
                    catch (Exception e)
                    {
                        LogSubscriberFailure(_logger, e);
                    }
                }
            }
        }
    }

    private void ReleaseWaiters(NodeState state)
    {
        List<StateWaiter> ready;
        lock (_gate)
        {
            ready = _waiters.FindAll(w => w.Predicate(state));
            _waiters.RemoveAll(ready.Contains);
        }
        foreach (var waiter in ready)
            waiter.Completion.TrySetResult(state);
    }

    /// <summary>Signs and hands a message to the transport without waiting: the outbox re-sends it until it is acknowledged.</summary>
    private void Send(Photon.Ethereum.Address recipient, Photon.Protocol.Messages.Message message)
    {
        var signed = MessageCodec.Sign(message, _key);
        lock (_gate)
            _lastSent[message.MessageId] = _time.GetTimestamp();
        _ = SendSafelyAsync(recipient, signed, message.MessageId);
    }

    private async Task SendSafelyAsync(Photon.Ethereum.Address recipient, Photon.Protocol.Messages.SignedMessage signed, ulong messageId)
    {
        try
        {
            await _transport.SendAsync(recipient, signed, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            LogSendFailure(_logger, messageId, recipient.ToString(), e);
        }
    }

    /// <summary>
    /// Hands received messages to the loop without waiting for each commit (the queue keeps their order), so
    /// a burst shares group commits; at most <see cref="ReceiveWindow"/> wait at once, which bounds memory.
    /// </summary>
    private async Task ReceiveAsync(CancellationToken ct)
    {
        // Not disposed: commits still in flight release it after this loop ends (it holds no wait handle).
        var window = new SemaphoreSlim(ReceiveWindow);
        await foreach (var received in _transport.ReceiveAllAsync(ct).ConfigureAwait(false))
        {
            await window.WaitAsync(ct).ConfigureAwait(false);
            var applied = SubmitAsync(new ReceiveMessage(received.Sender, received.Message.Message), CancellationToken.None);
            _ = applied.ContinueWith(
                t =>
                {
                    window.Release();
                    if (t.Exception?.InnerException is ArgumentException e)
                        LogReceiveRefused(_logger, received.Sender.ToString(), e);
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private async Task ResendAsync(CancellationToken ct)
    {
        // The recovered outbox goes out at once; after that, each message again once ResendInterval has passed.
        var first = true;
        using var timer = new PeriodicTimer(_options.ResendInterval / 5, _time);
        do
        {
            var outbox = State.Outbox;
            foreach (var (id, outgoing) in outbox)
            {
                bool due;
                lock (_gate)
                    due = first || !_lastSent.TryGetValue(id, out var sent) || _time.GetElapsedTime(sent) >= _options.ResendInterval;
                if (due)
                    Send(outgoing.Recipient, outgoing.Message);
            }
            lock (_gate)
            {
                foreach (var id in _lastSent.Keys.Where(id => !outbox.ContainsKey(id)).ToList())
                    _lastSent.Remove(id);
            }
            first = false;
        }
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "the node's state loop stopped: a commit failed; restart the node to recover from the database")]
    private static partial void LogLoopFailure(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "an event subscriber failed")]
    private static partial void LogSubscriberFailure(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sending message {MessageId} to {Recipient} failed; the outbox sends it again")]
    private static partial void LogSendFailure(ILogger logger, ulong messageId, string recipient, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "a message from {Sender} could not be applied")]
    private static partial void LogReceiveRefused(ILogger logger, string sender, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "a runtime task failed while stopping")]
    private static partial void LogStopFailure(ILogger logger, Exception exception);

    private sealed record PendingBatch(IReadOnlyList<StateChange> Changes, TaskCompletionSource<IReadOnlyList<IReadOnlyList<Event>>> Completion);

    private sealed record StateWaiter(Func<NodeState, bool> Predicate, TaskCompletionSource<NodeState> Completion);

    private sealed class Subscription(NodeRuntime runtime, Action<DispatchedEvent> subscriber) : IDisposable
    {
        public void Dispose()
        {
            lock (runtime._gate)
                runtime._subscribers.Remove(subscriber);
        }
    }
}
