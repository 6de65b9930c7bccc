using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Storage;

/// <summary>What a restart replays: the newest snapshot (null before the first) and every state change after it, in order.</summary>
public sealed record StoredHistory(NodeState? Snapshot, long SnapshotId, IReadOnlyList<(long Id, StateChange Change)> Later)
{
    /// <summary>The id of the newest state change stored (0 for an empty journal).</summary>
    public long LastStateChangeId => Later.Count > 0 ? Later[^1].Id : SnapshotId;
}
