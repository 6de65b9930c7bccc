using System.Collections.Concurrent;
using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>
/// Who is online: an address with a sync open, or whose last sync ended less than the grace ago (the
/// pause between two long polls). In memory: after a restart nobody is online until they sync.
/// </summary>
internal sealed class PresenceTracker(TimeProvider time, TimeSpan grace)
{
    private readonly ConcurrentDictionary<Address, Entry> _entries = new();

    public void BeginSync(Address address) =>
        _entries.AddOrUpdate(address, _ => new Entry(1, time.GetUtcNow()), (_, e) => e with { OpenSyncs = e.OpenSyncs + 1, LastActive = time.GetUtcNow() });

    public void EndSync(Address address) =>
        _entries.AddOrUpdate(address, _ => new Entry(0, time.GetUtcNow()), (_, e) => e with { OpenSyncs = e.OpenSyncs - 1, LastActive = time.GetUtcNow() });

    /// <returns>Online or not, and how long ago it was last active (null when never, since the start).</returns>
    public (bool Online, TimeSpan? LastActiveAgo) Of(Address address)
    {
        if (!_entries.TryGetValue(address, out var entry))
            return (false, null);
        var ago = time.GetUtcNow() - entry.LastActive;
        return (entry.OpenSyncs > 0 || ago < grace, entry.OpenSyncs > 0 ? TimeSpan.Zero : ago);
    }

    public int OnlineCount => _entries.Keys.Count(a => Of(a).Online);

    private sealed record Entry(int OpenSyncs, DateTimeOffset LastActive);
}
