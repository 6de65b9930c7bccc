using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// An event log of a mined transaction. <see cref="Removed"/> is true when a reorganisation
/// dropped the block it was in (only filter subscriptions report such logs).
/// </summary>
public sealed record Log(
    Address Address,
    IReadOnlyList<Hash256> Topics,
    ReadOnlyMemory<byte> Data,
    ulong BlockNumber,
    Hash256 BlockHash,
    Hash256 TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed)
{
    internal static Log Read(JsonElement e, string context) => new(
        RpcJson.Address(e, "address", context),
        RpcJson.Array(RpcJson.Property(e, "topics", context), $"{context}.topics", RpcJson.Hash),
        RpcJson.Bytes(e, "data", context),
        RpcJson.QuantityUInt64(e, "blockNumber", context),
        RpcJson.Hash(e, "blockHash", context),
        RpcJson.Hash(e, "transactionHash", context),
        RpcJson.QuantityUInt64(e, "transactionIndex", context),
        RpcJson.QuantityUInt64(e, "logIndex", context),
        RpcJson.OptionalProperty(e, "removed", context) is { } removed && RpcJson.Bool(removed, $"{context}.removed"));
}
