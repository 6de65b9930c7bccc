using Photon.Protocol.State;

namespace Photon.Node.Runtime;

/// <summary>The runtime's write-ahead log (docs/node.md "Storage"): the node database seen from the loop.</summary>
public interface INodeJournal
{
    /// <summary>Writes the whole batch in one transaction; nothing of it is visible or durable unless all of it is.</summary>
    Task<CommittedBatch> CommitAsync(IReadOnlyList<AppliedChange> batch, CancellationToken ct);

    /// <summary>Stores <paramref name="state"/> as the state after state change <paramref name="stateChangeId"/>.</summary>
    Task WriteSnapshotAsync(long stateChangeId, NodeState state, CancellationToken ct);
}
