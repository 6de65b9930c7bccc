using System.Text.Json.Nodes;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// A message call for eth_call and eth_estimateGas (and eth_sendTransaction on a node holding the
/// key). Unset fields are left out, for the node to default; <c>To = null</c> means contract creation.
/// </summary>
public sealed record CallRequest
{
    public Address? From { get; init; }

    public Address? To { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    public UInt256? Value { get; init; }

    public ulong? Gas { get; init; }

    public UInt256? GasPrice { get; init; }

    public UInt256? MaxFeePerGas { get; init; }

    public UInt256? MaxPriorityFeePerGas { get; init; }

    public ulong? Nonce { get; init; }

    internal JsonObject ToRpcObject()
    {
        var o = new JsonObject();
        if (From is { } from)
            o["from"] = from.ToLowerHex();
        if (To is { } to)
            o["to"] = to.ToLowerHex();
        if (!Data.IsEmpty)
            o["data"] = Hex.Encode(Data.Span);
        if (Value is { } value)
            o["value"] = value.ToHexString();
        if (Gas is { } gas)
            o["gas"] = Hex.Quantity(gas);
        if (GasPrice is { } gasPrice)
            o["gasPrice"] = gasPrice.ToHexString();
        if (MaxFeePerGas is { } maxFee)
            o["maxFeePerGas"] = maxFee.ToHexString();
        if (MaxPriorityFeePerGas is { } maxPriority)
            o["maxPriorityFeePerGas"] = maxPriority.ToHexString();
        if (Nonce is { } nonce)
            o["nonce"] = Hex.Quantity(nonce);
        return o;
    }
}
