using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// A transaction as eth_getTransactionByHash returns it; the block fields are null while it is
/// pending. Immutable (<see cref="Input"/> is copied on the way in) and compared by content.
/// </summary>
public sealed record RpcTransaction(
    Hash256 Hash,
    byte Type,
    ulong Nonce,
    Address From,
    Address? To,
    UInt256 Value,
    ulong Gas,
    UInt256? GasPrice,
    UInt256? MaxFeePerGas,
    UInt256? MaxPriorityFeePerGas,
    ReadOnlyMemory<byte> Input,
    ulong? ChainId,
    Hash256? BlockHash,
    ulong? BlockNumber,
    ulong? TransactionIndex)
{
    private readonly ReadOnlyMemory<byte> _input = ValueEquality.Copy(Input);

    public ReadOnlyMemory<byte> Input
    {
        get => _input;
        init => _input = ValueEquality.Copy(value);
    }

    public bool Equals(RpcTransaction? other) =>
        other is not null
        && Hash == other.Hash
        && Type == other.Type
        && Nonce == other.Nonce
        && From == other.From
        && To == other.To
        && Value == other.Value
        && Gas == other.Gas
        && GasPrice == other.GasPrice
        && MaxFeePerGas == other.MaxFeePerGas
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && ValueEquality.Equal(_input, other._input)
        && ChainId == other.ChainId
        && BlockHash == other.BlockHash
        && BlockNumber == other.BlockNumber
        && TransactionIndex == other.TransactionIndex;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Hash);
        hash.Add(Type);
        hash.Add(Nonce);
        hash.Add(From);
        hash.Add(To);
        hash.Add(Value);
        hash.Add(Gas);
        hash.Add(GasPrice);
        hash.Add(MaxFeePerGas);
        hash.Add(MaxPriorityFeePerGas);
        ValueEquality.Add(ref hash, _input);
        hash.Add(ChainId);
        hash.Add(BlockHash);
        hash.Add(BlockNumber);
        hash.Add(TransactionIndex);
        return hash.ToHashCode();
    }

    internal static RpcTransaction Read(JsonElement e, string context)
    {
        var type = RpcJson.OptionalQuantity(e, "type", context) ?? UInt256.Zero;
        if (type > byte.MaxValue)
            throw new RpcResponseFormatException($"{context}.type: {type.ToHexString()} is not a transaction type");
        return new RpcTransaction(
            RpcJson.Hash(e, "hash", context),
            (byte)(ulong)type,
            RpcJson.QuantityUInt64(e, "nonce", context),
            RpcJson.Address(e, "from", context),
            RpcJson.OptionalAddress(e, "to", context),
            RpcJson.Quantity(e, "value", context),
            RpcJson.QuantityUInt64(e, "gas", context),
            RpcJson.OptionalQuantity(e, "gasPrice", context),
            RpcJson.OptionalQuantity(e, "maxFeePerGas", context),
            RpcJson.OptionalQuantity(e, "maxPriorityFeePerGas", context),
            RpcJson.Bytes(e, "input", context),
            RpcJson.OptionalQuantityUInt64(e, "chainId", context),
            RpcJson.OptionalHash(e, "blockHash", context),
            RpcJson.OptionalQuantityUInt64(e, "blockNumber", context),
            RpcJson.OptionalQuantityUInt64(e, "transactionIndex", context));
    }
}
