using Photon.Node.Chain;
using Photon.Node.Runtime;
using Photon.Protocol.State;

namespace Photon.Node.Tests.Runtime;

/// <summary>
/// An in-memory journal whose commits a test can hold back or make fail, to watch what the runtime does
/// before, at and after a commit. The database's own guarantees are tested on a real SQLite file.
/// </summary>
internal sealed class GatedJournal : INodeJournal
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<AppliedChange>> _commits = [];
    private TaskCompletionSource _open = Open();
    private long _nextStateChangeId = 1;
    private long _nextEventId = 1;
    private long _nextTransactionId = 1;

    public Exception? FailWith { get; set; }

    public IReadOnlyList<IReadOnlyList<AppliedChange>> Commits
    {
        get
        {
            lock (_gate)
                return [.. _commits];
        }
    }

    public List<(long Id, NodeState State)> Snapshots { get; } = [];

    /// <summary>Commits wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release()
    {
        lock (_gate)
            _open.TrySetResult();
    }

    public async Task<CommittedBatch> CommitAsync(IReadOnlyList<AppliedChange> batch, CancellationToken ct)
    {
        Task open;
        lock (_gate)
            open = _open.Task;
        await open.WaitAsync(ct);
        if (FailWith is { } failure)
            throw failure;
        lock (_gate)
        {
            _commits.Add(batch);
            _nextStateChangeId += batch.Count;
            var eventIds = batch.SelectMany(a => a.Events).Select(_ => _nextEventId++).ToList();
            var transactions = batch.SelectMany(a => a.Transactions)
                .Select(t => new ChainTransactionRecord(_nextTransactionId++, t.Kind, t.Request, ChainTransactionStatus.Pending, null, null)).ToList();
            return new CommittedBatch(_nextStateChangeId - 1, eventIds, transactions);
        }
    }

    public Task WriteSnapshotAsync(long stateChangeId, NodeState state, CancellationToken ct)
    {
        lock (_gate)
            Snapshots.Add((stateChangeId, state));
        return Task.CompletedTask;
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
