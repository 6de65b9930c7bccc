using System.Collections.Concurrent;
using Photon.Node.Chain;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// Collects what <see cref="ChainTransactionRunner.Finished"/> reports, whether a test asks before or after a row ends.
/// </summary>
public sealed class RunnerWatch
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<(ChainTransactionStatus Status, string? Error)>> _rows = new();
    private readonly ConcurrentQueue<long> _order = new();

    /// <summary>The ids of the rows that ended, in the order they ended.</summary>
    public IReadOnlyList<long> FinishedOrder => [.. _order];

    public void Attach(ChainTransactionRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        runner.Finished += (id, status, error) =>
        {
            _order.Enqueue(id);
            Row(id).TrySetResult((status, error));
        };
    }

    public bool HasFinished(long id) => Row(id).Task.IsCompleted;

    /// <summary>How row <paramref name="id"/> ended; throws <see cref="TimeoutException"/> when it does not end in time.</summary>
    public Task<(ChainTransactionStatus Status, string? Error)> EndOfAsync(long id) => Row(id).Task.WaitAsync(Patience);

    private TaskCompletionSource<(ChainTransactionStatus Status, string? Error)> Row(long id) =>
        _rows.GetOrAdd(id, _ => new TaskCompletionSource<(ChainTransactionStatus, string?)>(TaskCreationOptions.RunContinuationsAsynchronously));
}
