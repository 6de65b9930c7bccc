using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// A block header as eth_getBlockByNumber returns it (transactions as hashes).
/// <see cref="BaseFeePerGas"/> is null before London (EIP-1559).
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
    internal static Block Read(JsonElement e, string context) => new(
        RpcJson.QuantityUInt64(e, "number", context),
        RpcJson.Hash(e, "hash", context),
        RpcJson.Hash(e, "parentHash", context),
        RpcJson.QuantityUInt64(e, "timestamp", context),
        RpcJson.QuantityUInt64(e, "gasLimit", context),
        RpcJson.QuantityUInt64(e, "gasUsed", context),
        RpcJson.OptionalQuantity(e, "baseFeePerGas", context),
        RpcJson.Address(e, "miner", context),
        RpcJson.OptionalProperty(e, "transactions", context) is { } txs
            ? RpcJson.Array(txs, $"{context}.transactions", RpcJson.Hash)
            : []);
}
