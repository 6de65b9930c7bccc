using System.Collections.Concurrent;
using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>
/// Wakes long polls: a sync takes <see cref="Current"/> BEFORE it reads the store, so a message stored
/// between its read and its wait still completes the task it waits on (no lost wake-up).
/// </summary>
internal sealed class SyncSignals
{
    private readonly ConcurrentDictionary<Address, TaskCompletionSource> _signals = new();

    public Task Current(Address recipient) =>
        _signals.GetOrAdd(recipient, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(Address recipient)
    {
        if (_signals.TryRemove(recipient, out var signal))
            signal.TrySetResult();
    }
}
