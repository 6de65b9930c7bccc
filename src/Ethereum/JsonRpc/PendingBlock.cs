using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The block the node is building on top of its head: what eth_getBlockByNumber("pending") shows.
/// It has no hash, nonce or miner yet (geth reports them as null; dev chains such as Anvil show
/// provisional values, which are left out here), and its contents change until it is mined.
/// <see cref="BaseFeePerGas"/> is the base fee the next block will charge (null before London).
/// Immutable and compared by content.
/// </summary>
public sealed record PendingBlock(
    ulong Number,
    Hash256 ParentHash,
    ulong Timestamp,
    ulong GasLimit,
    ulong GasUsed,
    UInt256? BaseFeePerGas,
    IReadOnlyList<Hash256> TransactionHashes)
{
    private readonly IReadOnlyList<Hash256> _transactionHashes = ValueEquality.Freeze(TransactionHashes, nameof(TransactionHashes));

    public IReadOnlyList<Hash256> TransactionHashes
    {
        get => _transactionHashes;
        init => _transactionHashes = ValueEquality.Freeze(value, nameof(TransactionHashes));
    }

    public bool Equals(PendingBlock? other) =>
        other is not null
        && Number == other.Number
        && ParentHash == other.ParentHash
        && Timestamp == other.Timestamp
        && GasLimit == other.GasLimit
        && GasUsed == other.GasUsed
        && BaseFeePerGas == other.BaseFeePerGas
        && ValueEquality.Equal(_transactionHashes, other._transactionHashes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Number);
        hash.Add(ParentHash);
        hash.Add(Timestamp);
        hash.Add(GasLimit);
        hash.Add(GasUsed);
        hash.Add(BaseFeePerGas);
        ValueEquality.Add(ref hash, _transactionHashes);
        return hash.ToHashCode();
    }

    internal static PendingBlock Read(JsonElement e, string context) => new(
        RpcJson.QuantityUInt64(e, "number", context),
        RpcJson.Hash(e, "parentHash", context),
        RpcJson.QuantityUInt64(e, "timestamp", context),
        RpcJson.QuantityUInt64(e, "gasLimit", context),
        RpcJson.QuantityUInt64(e, "gasUsed", context),
        RpcJson.OptionalQuantity(e, "baseFeePerGas", context),
        Block.ReadTransactionHashes(e, context));
}
