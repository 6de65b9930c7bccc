using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// JSON-RPC quantities: <see cref="UInt256"/> is written as 0x-hex without leading zeros. This
/// overrides the type's own converter (decimal strings, which the REST API uses) wherever the
/// RPC serializer options are in force.
/// </summary>
public sealed class HexQuantityJsonConverter : JsonConverter<UInt256>
{
    public override UInt256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = RpcJson.ReadString(ref reader, "a 0x-quantity string");
        if (!RpcJson.TryParseQuantity(text, out var value))
            throw new JsonException($"'{Hex.Shorten(text)}' is not a 0x-quantity");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, UInt256 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToHexString());
}
