using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Node.Chain;

namespace Photon.Node.Tests.Chain;

/// <summary>How one journal row ended: its status and error as the runner reported them, its last recorded hash and that transaction's receipt.</summary>
public sealed record ChainOutcome(long Id, string Kind, ChainTransactionStatus Status, string? Error, Hash256? Hash, TransactionReceipt? Receipt);
