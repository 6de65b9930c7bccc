using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// A block header as eth_getBlockByNumber returns it (transactions as hashes).
/// <see cref="BaseFeePerGas"/> is null before London (EIP-1559). Only mined blocks are blocks here:
/// the pending block has no hash or miner yet (geth reports them as null) and is a
/// <see cref="PendingBlock"/>. Immutable and compared by content.
/// </summary>
public sealed record Block(
    ulong Number,
    Hash256 Hash,
    Hash256 ParentHash,
    ulong Timestamp,
    ulong GasLimit,
    ulong GasUsed,
    UInt256? BaseFeePerGas,
    Address Miner,
    IReadOnlyList<Hash256> TransactionHashes)
{
    private readonly IReadOnlyList<Hash256> _transactionHashes = ValueEquality.Freeze(TransactionHashes, nameof(TransactionHashes));

    public IReadOnlyList<Hash256> TransactionHashes
    {
        get => _transactionHashes;
        init => _transactionHashes = ValueEquality.Freeze(value, nameof(TransactionHashes));
    }

    public bool Equals(Block? other) =>
        other is not null
        && Number == other.Number
        && Hash == other.Hash
        && ParentHash == other.ParentHash
        && Timestamp == other.Timestamp
        && GasLimit == other.GasLimit
        && GasUsed == other.GasUsed
        && BaseFeePerGas == other.BaseFeePerGas
        && Miner == other.Miner
        && ValueEquality.Equal(_transactionHashes, other._transactionHashes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Number);
        hash.Add(Hash);
        hash.Add(ParentHash);
        hash.Add(Timestamp);
        hash.Add(GasLimit);
        hash.Add(GasUsed);
        hash.Add(BaseFeePerGas);
        hash.Add(Miner);
        ValueEquality.Add(ref hash, _transactionHashes);
        return hash.ToHashCode();
    }

    internal static Block Read(JsonElement e, string context) => new(
        RpcJson.QuantityUInt64(e, "number", context),
        RpcJson.Hash(e, "hash", context),
        RpcJson.Hash(e, "parentHash", context),
        RpcJson.QuantityUInt64(e, "timestamp", context),
        RpcJson.QuantityUInt64(e, "gasLimit", context),
        RpcJson.QuantityUInt64(e, "gasUsed", context),
        RpcJson.OptionalQuantity(e, "baseFeePerGas", context),
        RpcJson.Address(e, "miner", context),
        ReadTransactionHashes(e, context));

    internal static IReadOnlyList<Hash256> ReadTransactionHashes(JsonElement e, string context) =>
        RpcJson.OptionalProperty(e, "transactions", context) is { } txs
            ? RpcJson.Array(txs, $"{context}.transactions", RpcJson.Hash)
            : [];
}
