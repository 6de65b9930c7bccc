using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// A transaction read from JSON (<see cref="TransactionJson.Parse"/>) with the optional <c>from</c>
/// it named. <c>from</c> is not part of the signed transaction; it is a claim about who signs,
/// checked by <see cref="Sign"/> so that a file meant for one account is never signed by another.
/// </summary>
public sealed record TransactionRequest(Transaction Transaction, Address? From)
{
    /// <summary>
    /// Signs with <paramref name="key"/>. Throws <see cref="TransactionFormatException"/> when
    /// <see cref="From"/> is given and is not the key's address.
    /// </summary>
    public SignedTransaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (From is { } from && from != key.Address)
            throw new TransactionFormatException($"transaction field 'from' is {from} but the private key's address is {key.Address}");
        return TransactionSigner.Sign(Transaction, key);
    }
}
