using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Transactions;

/// <summary>An EIP-2930 (type 1) transaction: a legacy gas price plus an access list, always chain-bound.</summary>
public sealed record Eip2930Transaction : TypedTransaction
{
    public override TransactionType Type => TransactionType.AccessList;

    public required UInt256 GasPrice { get; init; }

    private protected override void WriteFees(RlpWriter writer) => writer.Write(GasPrice);
}
