using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Transactions;

/// <summary>Signs transactions with a private key (RFC 6979: the same transaction and key always give the same bytes).</summary>
public static class TransactionSigner
{
    /// <summary>
    /// Signs <paramref name="transaction"/>. Refuses a legacy transaction without a chain id: its
    /// signature would be valid on every chain (the replay EIP-155 exists to prevent).
    /// </summary>
    public static SignedTransaction Sign(Transaction transaction, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(key);
        if (transaction.SignedChainId is null)
            throw new ArgumentException("refusing to sign a legacy transaction without a chain id: it could be replayed on every chain (EIP-155)", nameof(transaction));
        return new SignedTransaction(transaction, key.Sign(transaction.SigningHash));
    }
}
