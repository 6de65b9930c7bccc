using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>JSON-RPC data: byte arrays as 0x-hex (System.Text.Json would otherwise write base64).</summary>
public sealed class HexBytesJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected 0x-hex data, got {reader.TokenType}");
        var text = reader.GetString()!;
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var bytes))
            throw new JsonException($"'{Hex.Shorten(text)}' is not 0x-hex data");
        return bytes;
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Hex.Encode(value));
}
