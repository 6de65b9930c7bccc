using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// A legacy (untyped) transaction. With a <see cref="ChainId"/> it is signed per EIP-155 (the
/// signature commits to the chain, <c>v = 2·chainId + 35 + parity</c>); with <c>null</c> it is a
/// pre-EIP-155 transaction (<c>v</c> 27/28), which is decoded but never signed by this library.
/// </summary>
public sealed record LegacyTransaction : Transaction
{
    private readonly ulong? _chainId;

    public override TransactionType Type => TransactionType.Legacy;

    public required UInt256 GasPrice { get; init; }

    /// <summary>
    /// The EIP-155 chain id (≥ 1), or <c>null</c> for a pre-EIP-155 transaction. Zero is refused:
    /// its <c>v</c> (35/36) names no chain, and ethers reads chain id 0 as "no chain id".
    /// </summary>
    public required ulong? ChainId
    {
        get => _chainId;
        init => _chainId = value == 0
            ? throw new ArgumentOutOfRangeException(nameof(value), "an EIP-155 chain id is at least 1; use null for a pre-EIP-155 transaction")
            : value;
    }

    public override ulong? SignedChainId => ChainId;

    private protected override void WriteUnsigned(RlpWriter writer)
    {
        writer.StartList();
        WriteLegacyFields(writer, GasPrice);
        if (ChainId is { } chainId)
            writer.Write(chainId).WriteBytes([]).WriteBytes([]);
        writer.EndList();
    }

    private protected override void WriteSigned(RlpWriter writer, Signature signature)
    {
        writer.StartList();
        WriteLegacyFields(writer, GasPrice);
        writer.Write(LegacyV(ChainId, signature.RecoveryId)).Write(signature.R).Write(signature.S);
        writer.EndList();
    }

    /// <summary>EIP-155 <c>v = 2·chainId + 35 + parity</c>, or 27 + parity without a chain id.</summary>
    internal static UInt256 LegacyV(ulong? chainId, int recoveryId) =>
        chainId is { } c ? (UInt256)c * 2 + 35 + (ulong)recoveryId : 27 + (ulong)recoveryId;
}
