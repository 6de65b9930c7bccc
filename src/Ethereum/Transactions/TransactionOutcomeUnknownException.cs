namespace Photon.Ethereum.Transactions;

/// <summary>
/// The node accepted the transaction, but waiting for its receipt failed (no receipt in time, or
/// the node stopped answering): it may still be mined. Sending the same call again would
/// duplicate it; wait on <see cref="TransactionHash"/> instead (<see cref="TransactionSender.WaitAsync"/>),
/// or rebroadcast <see cref="SignedTransaction"/> if the node lost it.
/// </summary>
public sealed class TransactionOutcomeUnknownException(SignedTransaction transaction, Exception innerException)
    : Exception(
        $"transaction {transaction.Hash} (nonce {transaction.Transaction.Nonce}) was accepted by the node but its outcome is unknown: {innerException.Message}; wait for it before sending the call again",
        innerException)
{
    public Hash256 TransactionHash => SignedTransaction.Hash;

    public ulong Nonce => SignedTransaction.Transaction.Nonce;

    /// <summary>The exact bytes submitted, to rebroadcast if the node dropped them.</summary>
    public SignedTransaction SignedTransaction { get; } = transaction;
}
