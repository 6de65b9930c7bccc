using Photon.Node.Chain;

namespace Photon.Node.Runtime;

/// <summary>What a commit assigned: the id of its last state change, one id per event (batch order), and the new chain transaction rows.</summary>
public sealed record CommittedBatch(long LastStateChangeId, IReadOnlyList<long> EventIds, IReadOnlyList<ChainTransactionRecord> Transactions);
