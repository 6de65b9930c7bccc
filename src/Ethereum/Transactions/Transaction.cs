using Photon.Ethereum.Crypto;
using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// An unsigned Ethereum transaction. The concrete types are <see cref="LegacyTransaction"/>,
/// <see cref="Eip2930Transaction"/> and <see cref="Eip1559Transaction"/>; the hierarchy is closed
/// (the constructor is not visible outside this assembly) so every transaction has a known encoding.
/// </summary>
/// <remarks>
/// <para>
/// Nonce and gas limit are <see cref="ulong"/>: consensus bounds both to 64 bits (EIP-2681 for the
/// nonce, the block gas limit for gas), and a decoder refuses larger values. Chain ids are
/// <see cref="ulong"/> as in Nethermind (every chain id in use is far below 2⁶⁴; a legacy
/// <c>v = 2·chainId + 35 + parity</c> can still exceed 64 bits and is computed in 256 bits).
/// Amounts and fees are <see cref="UInt256"/>, as the protocol allows any 256-bit value.
/// </para>
/// <para>
/// Records are immutable: <see cref="Data"/> and access lists are copied on the way in, and
/// equality compares their contents, so <c>Decode(Encode(tx)) == tx</c> holds as values.
/// </para>
/// </remarks>
public abstract record Transaction
{
    private ReadOnlyMemory<byte> _data = ReadOnlyMemory<byte>.Empty;

    private protected Transaction()
    {
    }

    public abstract TransactionType Type { get; }

    public required ulong Nonce { get; init; }

    public required ulong GasLimit { get; init; }

    /// <summary>The recipient; <c>null</c> creates a contract whose init code is <see cref="Data"/>.</summary>
    public Address? To { get; init; }

    /// <summary>Wei sent along.</summary>
    public UInt256 Value { get; init; }

    /// <summary>Call data, or the init code of a contract creation (a private copy).</summary>
    public ReadOnlyMemory<byte> Data
    {
        get => _data;
        init => _data = value.IsEmpty ? ReadOnlyMemory<byte>.Empty : value.ToArray();
    }

    public bool IsContractCreation => To is null;

    /// <summary>
    /// The chain id the signature commits to: always present on typed transactions, <c>null</c> only
    /// on a pre-EIP-155 legacy transaction (replayable on every chain; decoded but never signed here).
    /// </summary>
    public abstract ulong? SignedChainId { get; }

    /// <summary>
    /// The bytes whose Keccak-256 is signed (ethers' <c>unsignedSerialized</c>): for a legacy EIP-155
    /// transaction <c>rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])</c>, without the last
    /// three items before EIP-155; for a typed one <c>type ‖ rlp([fields…])</c>.
    /// </summary>
    public byte[] EncodeUnsigned()
    {
        var writer = new RlpWriter(EstimatedLength);
        WriteUnsigned(writer);
        return writer.ToArray();
    }

    /// <summary>Keccak-256 of <see cref="EncodeUnsigned"/>: the digest a sender signs (ethers' <c>unsignedHash</c>).</summary>
    public Hash256 SigningHash => Keccak256.Hash(EncodeUnsigned());

    /// <summary>The signed serialization ("raw transaction") with <paramref name="signature"/> in the form this type uses.</summary>
    internal byte[] EncodeSigned(Signature signature)
    {
        var writer = new RlpWriter(EstimatedLength + 3 * 33);
        WriteSigned(writer, signature);
        return writer.ToArray();
    }

    private protected abstract void WriteUnsigned(RlpWriter writer);

    private protected abstract void WriteSigned(RlpWriter writer, Signature signature);

    /// <summary>Writes nonce … data in legacy order after <paramref name="price"/>: <c>nonce, price, gas, to, value, data</c>.</summary>
    private protected void WriteLegacyFields(RlpWriter writer, UInt256 price) =>
        writer.Write(Nonce).Write(price).Write(GasLimit).Write(To).Write(Value).WriteBytes(Data.Span);

    // Enough for the fixed fields; the writer grows for long data and access lists.
    private int EstimatedLength => 160 + Data.Length;

    public virtual bool Equals(Transaction? other) =>
        other is not null
        && EqualityContract == other.EqualityContract
        && Nonce == other.Nonce
        && GasLimit == other.GasLimit
        && To == other.To
        && Value == other.Value
        && Data.Span.SequenceEqual(other.Data.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(EqualityContract);
        hash.Add(Nonce);
        hash.Add(GasLimit);
        hash.Add(To);
        hash.Add(Value);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <summary>The type name and the JSON-RPC form (<see cref="TransactionJson.ToRpcJson"/>), for logs and test failures.</summary>
    public sealed override string ToString() => $"{GetType().Name} {TransactionJson.ToRpcJson(this).ToJsonString()}";
}
