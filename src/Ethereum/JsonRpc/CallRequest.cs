using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// A message call for eth_call and eth_estimateGas (and eth_sendTransaction on a node holding the
/// key). Unset fields are left out, for the node to default; <c>To = null</c> means contract creation.
/// Immutable (<see cref="Data"/> is copied on the way in) and compared by content.
/// </summary>
[JsonConverter(typeof(RpcObjectJsonConverter<CallRequest>))]
public sealed record CallRequest : IRpcObject
{
    private readonly ReadOnlyMemory<byte> _data = ReadOnlyMemory<byte>.Empty;

    public Address? From { get; init; }

    public Address? To { get; init; }

    /// <summary>Call data, or init code when <see cref="To"/> is null (a private copy).</summary>
    public ReadOnlyMemory<byte> Data
    {
        get => _data;
        init => _data = ValueEquality.Copy(value);
    }

    public UInt256? Value { get; init; }

    public ulong? Gas { get; init; }

    public UInt256? GasPrice { get; init; }

    public UInt256? MaxFeePerGas { get; init; }

    public UInt256? MaxPriorityFeePerGas { get; init; }

    public ulong? Nonce { get; init; }

    JsonObject IRpcObject.ToRpcObject() => ToRpcObject();

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

    public bool Equals(CallRequest? other) =>
        other is not null
        && From == other.From
        && To == other.To
        && ValueEquality.Equal(_data, other._data)
        && Value == other.Value
        && Gas == other.Gas
        && GasPrice == other.GasPrice
        && MaxFeePerGas == other.MaxFeePerGas
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && Nonce == other.Nonce;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(From);
        hash.Add(To);
        ValueEquality.Add(ref hash, _data);
        hash.Add(Value);
        hash.Add(Gas);
        hash.Add(GasPrice);
        hash.Add(MaxFeePerGas);
        hash.Add(MaxPriorityFeePerGas);
        hash.Add(Nonce);
        return hash.ToHashCode();
    }
}
