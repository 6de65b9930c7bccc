using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// eth_feeHistory: <see cref="BaseFeePerGas"/> has one entry per block of the range plus the base fee
/// of the block after it; <see cref="GasUsedRatio"/> tells how full each block was; <see cref="Reward"/>
/// holds, per block, the tips at the requested percentiles (null when none were requested).
/// </summary>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<UInt256> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<UInt256>>? Reward)
{
    internal static FeeHistory Read(JsonElement e, string context) => new(
        RpcJson.QuantityUInt64(e, "oldestBlock", context),
        RpcJson.Array(RpcJson.Property(e, "baseFeePerGas", context), $"{context}.baseFeePerGas", RpcJson.Quantity),
        RpcJson.Array(RpcJson.Property(e, "gasUsedRatio", context), $"{context}.gasUsedRatio", ReadRatio),
        RpcJson.OptionalProperty(e, "reward", context) is { } reward
            ? RpcJson.Array(reward, $"{context}.reward", (block, c) => RpcJson.Array(block, c, RpcJson.Quantity))
            : null);

    private static double ReadRatio(JsonElement e, string context) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var ratio)
            ? ratio
            : throw new RpcResponseFormatException($"{context}: expected a number, got {e.ValueKind}");
}
