namespace Photon.Ethereum.Transactions;

/// <summary>
/// The EIP-2718 transaction type: the first byte of a typed transaction's serialization.
/// Legacy transactions carry no type byte (their serialization starts with an RLP list header, ≥ 0xc0).
/// </summary>
public enum TransactionType : byte
{
    /// <summary>Pre-EIP-2718 transaction, signed per EIP-155 (or unprotected, before it).</summary>
    Legacy = 0,

    /// <summary>EIP-2930: a gas price and an access list.</summary>
    AccessList = 1,

    /// <summary>EIP-1559: a base-fee market with a priority fee and a fee cap.</summary>
    DynamicFee = 2,
}
