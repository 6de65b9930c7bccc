using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// A transaction with its sender's signature. <see cref="Signature"/> is held in the neutral form
/// (r, s, v 27/28) and is always low-s; the wire form of <c>v</c> depends on the type:
/// <c>2·chainId + 35 + parity</c> for a legacy EIP-155 transaction, 27/28 before EIP-155, and the
/// y-parity 0/1 for a typed transaction (<see cref="V"/>).
/// </summary>
public sealed record SignedTransaction
{
    public SignedTransaction(Transaction transaction, Signature signature)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (signature == default)
            throw new ArgumentException("the signature is missing (default value)", nameof(signature));
        if (!signature.IsLowS)
            throw new ArgumentException("the signature has a high s (malleable; refused by EIP-2)", nameof(signature));
        Transaction = transaction;
        Signature = signature;
    }

    public Transaction Transaction { get; }

    public Signature Signature { get; }

    public TransactionType Type => Transaction.Type;

    /// <summary>0 or 1: the parity of the y coordinate of the signature's nonce point.</summary>
    public int YParity => Signature.RecoveryId;

    /// <summary>The <c>v</c> as serialized: EIP-155 <c>2·chainId + 35 + parity</c>, 27/28 before EIP-155, or the y-parity on typed transactions.</summary>
    public UInt256 V => Transaction is LegacyTransaction legacy
        ? LegacyTransaction.LegacyV(legacy.ChainId, YParity)
        : (ulong)YParity;

    /// <summary>The raw transaction: what <c>eth_sendRawTransaction</c> takes and blocks contain.</summary>
    public byte[] Encode() => Transaction.EncodeSigned(Signature);

    /// <summary><see cref="Encode"/> as <c>0x</c>-prefixed hex.</summary>
    public string ToHex() => Hex.Encode(Encode());

    /// <summary>The transaction hash: Keccak-256 of the raw transaction.</summary>
    public Hash256 Hash => Keccak256.Hash(Encode());

    /// <summary>The sender's address. Throws <see cref="InvalidSignatureException"/> when no key is recoverable.</summary>
    public Address RecoverSender() => Secp256k1.RecoverAddress(Transaction.SigningHash, Signature);

    /// <summary>Like <see cref="RecoverSender"/>, false where it would throw.</summary>
    public bool TryRecoverSender(out Address sender) =>
        Secp256k1.TryRecoverAddress(Transaction.SigningHash, Signature, out sender);

    /// <summary>
    /// Decodes a raw transaction strictly: exactly one canonical encoding of a legacy, type-1 or
    /// type-2 transaction and nothing after it. Throws <see cref="TransactionFormatException"/>.
    /// </summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw) => TransactionDecoder.Decode(raw);

    /// <summary>Decodes <c>0x</c>-prefixed hex of a raw transaction. Throws <see cref="TransactionFormatException"/>.</summary>
    public static SignedTransaction Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        byte[] raw;
        try
        {
            raw = Hex.DecodePrefixed(hex);
        }
        catch (HexFormatException e)
        {
            throw new TransactionFormatException($"not a raw transaction: {e.Message}", e);
        }
        return Decode(raw);
    }

    public override string ToString() => $"SignedTransaction {Hash} v={V} r={Signature.R.ToHexString()} s={Signature.S.ToHexString()} {Transaction}";
}
