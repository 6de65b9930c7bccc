using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>JSON-RPC data: byte arrays as 0x-hex (System.Text.Json would otherwise write base64).</summary>
public sealed class HexBytesJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RpcJson.ReadData(ref reader);

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Hex.Encode(value));
}
