using Photon.Ethereum;

namespace Photon.Node.Chain;

/// <summary>One row of <c>chain_transactions</c>. <see cref="Kind"/> and <see cref="Request"/> are written and read by <c>Chain/</c> only.</summary>
public sealed record ChainTransactionRecord(long Id, string Kind, string Request, ChainTransactionStatus Status, Hash256? Hash, string? Error);
