using System.Collections.ObjectModel;
using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// eth_feeHistory: <see cref="BaseFeePerGas"/> has one entry per block of the range plus the base fee
/// of the block after it; <see cref="GasUsedRatio"/> tells how full each block was; <see cref="Reward"/>
/// holds, per block, the tips at the requested percentiles (null when none were requested).
/// Immutable (the lists are copied on the way in) and compared by content.
/// </summary>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<UInt256> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<UInt256>>? Reward)
{
    private readonly IReadOnlyList<UInt256> _baseFeePerGas = ValueEquality.Freeze(BaseFeePerGas, nameof(BaseFeePerGas));
    private readonly IReadOnlyList<double> _gasUsedRatio = ValueEquality.Freeze(GasUsedRatio, nameof(GasUsedRatio));
    private readonly ReadOnlyCollection<IReadOnlyList<UInt256>>? _reward = FreezeReward(Reward);

    public IReadOnlyList<UInt256> BaseFeePerGas
    {
        get => _baseFeePerGas;
        init => _baseFeePerGas = ValueEquality.Freeze(value, nameof(BaseFeePerGas));
    }

    public IReadOnlyList<double> GasUsedRatio
    {
        get => _gasUsedRatio;
        init => _gasUsedRatio = ValueEquality.Freeze(value, nameof(GasUsedRatio));
    }

    public IReadOnlyList<IReadOnlyList<UInt256>>? Reward
    {
        get => _reward;
        init => _reward = FreezeReward(value);
    }

    public bool Equals(FeeHistory? other) =>
        other is not null
        && OldestBlock == other.OldestBlock
        && ValueEquality.Equal(_baseFeePerGas, other._baseFeePerGas)
        && ValueEquality.Equal(_gasUsedRatio, other._gasUsedRatio)
        && (_reward is null
            ? other._reward is null
            : other._reward is not null && _reward.Count == other._reward.Count && _reward.Zip(other._reward).All(p => ValueEquality.Equal(p.First, p.Second)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(OldestBlock);
        ValueEquality.Add(ref hash, _baseFeePerGas);
        ValueEquality.Add(ref hash, _gasUsedRatio);
        hash.Add(_reward is null);
        foreach (var block in _reward ?? [])
            ValueEquality.Add(ref hash, block);
        return hash.ToHashCode();
    }

    internal static FeeHistory Read(JsonElement e, string context) => new(
        RpcJson.QuantityUInt64(e, "oldestBlock", context),
        RpcJson.Array(RpcJson.Property(e, "baseFeePerGas", context), $"{context}.baseFeePerGas", RpcJson.Quantity),
        RpcJson.Array(RpcJson.Property(e, "gasUsedRatio", context), $"{context}.gasUsedRatio", ReadRatio),
        RpcJson.OptionalProperty(e, "reward", context) is { } reward
            ? RpcJson.Array(reward, $"{context}.reward", (block, c) => RpcJson.Array(block, c, RpcJson.Quantity))
            : null);

    private static ReadOnlyCollection<IReadOnlyList<UInt256>>? FreezeReward(IReadOnlyList<IReadOnlyList<UInt256>>? reward) =>
        reward is null ? null : Array.AsReadOnly(reward.Select(block => (IReadOnlyList<UInt256>)ValueEquality.Freeze(block, nameof(Reward))).ToArray());

    private static double ReadRatio(JsonElement e, string context) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var ratio)
            ? ratio
            : throw new RpcResponseFormatException($"{context}: expected a number, got {e.ValueKind}");
}
