using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>A transaction as eth_getTransactionByHash returns it; the block fields are null while it is pending.</summary>
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
