using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The receipt of a mined transaction (post-Byzantium: with a status). <see cref="Succeeded"/> is
/// status 1; false means the transaction reverted (its gas is still spent). <see cref="ContractAddress"/>
/// is the created contract of a creation transaction. <see cref="EffectiveGasPrice"/> is what each
/// unit of gas cost; null from nodes older than London. Immutable and compared by content.
/// </summary>
public sealed record TransactionReceipt(
    Hash256 TransactionHash,
    ulong TransactionIndex,
    Hash256 BlockHash,
    ulong BlockNumber,
    Address From,
    Address? To,
    Address? ContractAddress,
    ulong GasUsed,
    ulong CumulativeGasUsed,
    UInt256? EffectiveGasPrice,
    bool Succeeded,
    byte Type,
    IReadOnlyList<Log> Logs)
{
    private readonly IReadOnlyList<Log> _logs = ValueEquality.Freeze(Logs, nameof(Logs));

    public IReadOnlyList<Log> Logs
    {
        get => _logs;
        init => _logs = ValueEquality.Freeze(value, nameof(Logs));
    }

    public bool Equals(TransactionReceipt? other) =>
        other is not null
        && TransactionHash == other.TransactionHash
        && TransactionIndex == other.TransactionIndex
        && BlockHash == other.BlockHash
        && BlockNumber == other.BlockNumber
        && From == other.From
        && To == other.To
        && ContractAddress == other.ContractAddress
        && GasUsed == other.GasUsed
        && CumulativeGasUsed == other.CumulativeGasUsed
        && EffectiveGasPrice == other.EffectiveGasPrice
        && Succeeded == other.Succeeded
        && Type == other.Type
        && ValueEquality.Equal(_logs, other._logs);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(TransactionHash);
        hash.Add(TransactionIndex);
        hash.Add(BlockHash);
        hash.Add(BlockNumber);
        hash.Add(From);
        hash.Add(To);
        hash.Add(ContractAddress);
        hash.Add(GasUsed);
        hash.Add(CumulativeGasUsed);
        hash.Add(EffectiveGasPrice);
        hash.Add(Succeeded);
        hash.Add(Type);
        ValueEquality.Add(ref hash, _logs);
        return hash.ToHashCode();
    }

    internal static TransactionReceipt Read(JsonElement e, string context)
    {
        var status = RpcJson.Quantity(e, "status", context);
        if (status > 1)
            throw new RpcResponseFormatException($"{context}.status: {status.ToHexString()} is neither 0x0 nor 0x1");
        var type = RpcJson.OptionalQuantity(e, "type", context) ?? UInt256.Zero;
        if (type > byte.MaxValue)
            throw new RpcResponseFormatException($"{context}.type: {type.ToHexString()} is not a transaction type");
        return new TransactionReceipt(
            RpcJson.Hash(e, "transactionHash", context),
            RpcJson.QuantityUInt64(e, "transactionIndex", context),
            RpcJson.Hash(e, "blockHash", context),
            RpcJson.QuantityUInt64(e, "blockNumber", context),
            RpcJson.Address(e, "from", context),
            RpcJson.OptionalAddress(e, "to", context),
            RpcJson.OptionalAddress(e, "contractAddress", context),
            RpcJson.QuantityUInt64(e, "gasUsed", context),
            RpcJson.QuantityUInt64(e, "cumulativeGasUsed", context),
            RpcJson.OptionalQuantity(e, "effectiveGasPrice", context),
            status == UInt256.One,
            (byte)(ulong)type,
            RpcJson.Array(RpcJson.Property(e, "logs", context), $"{context}.logs", Log.Read));
    }
}
