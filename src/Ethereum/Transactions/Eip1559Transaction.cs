using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction: the sender pays <c>min(maxFeePerGas, baseFee + maxPriorityFeePerGas)</c>
/// per gas. The record does not require <c>maxPriorityFeePerGas ≤ maxFeePerGas</c> (such a transaction
/// is well-formed, just never includable); <see cref="TransactionJson"/> refuses it as user input.
/// </summary>
public sealed record Eip1559Transaction : TypedTransaction
{
    public override TransactionType Type => TransactionType.DynamicFee;

    public required UInt256 MaxPriorityFeePerGas { get; init; }

    public required UInt256 MaxFeePerGas { get; init; }

    private protected override void WriteFees(RlpWriter writer) => writer.Write(MaxPriorityFeePerGas).Write(MaxFeePerGas);
}
