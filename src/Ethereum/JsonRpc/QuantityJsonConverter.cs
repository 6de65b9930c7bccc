using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// .NET integers as JSON-RPC quantities: written as 0x-hex without leading zeros (16 → "0x10"), as
/// the RPC wants every integer; geth refuses the JSON number 16 where a quantity belongs. Negative
/// values have no quantity form and are refused with an <see cref="ArgumentException"/> before
/// anything is sent. Reading accepts a 0x-quantity or a JSON integer (some non-standard methods
/// answer with numbers).
/// </summary>
internal sealed class QuantityJsonConverter<T> : JsonConverter<T>
    where T : struct, IBinaryInteger<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetUInt64(out var unsigned))
                return Create(unsigned);
            if (reader.TryGetInt64(out var signed))
                return Create(signed);
            throw new JsonException($"expected an integer that fits {typeof(T).Name}");
        }
        var text = RpcJson.ReadString(ref reader, "a 0x-quantity");
        if (!RpcJson.TryParseQuantity(text, out var quantity))
            throw new JsonException($"'{Hex.Shorten(text)}' is not a 0x-quantity");
        if (quantity > ulong.MaxValue)
            throw new JsonException($"{quantity.ToHexString()} does not fit {typeof(T).Name}");
        return Create((ulong)quantity);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (T.IsNegative(value))
        {
            throw new ArgumentException(
                $"the JSON-RPC has no negative integers: {value.ToString(null, CultureInfo.InvariantCulture)} ({typeof(T).Name}) cannot be sent as a quantity");
        }
        writer.WriteStringValue(Hex.Quantity(ulong.CreateTruncating(value)));
    }

    private static T Create<TFrom>(TFrom value)
        where TFrom : IBinaryInteger<TFrom>
    {
        try
        {
            return T.CreateChecked(value);
        }
        catch (OverflowException e)
        {
            throw new JsonException($"{value} does not fit {typeof(T).Name}", e);
        }
    }
}
