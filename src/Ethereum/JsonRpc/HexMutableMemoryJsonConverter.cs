using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>JSON-RPC data held as <see cref="Memory{T}"/>: 0x-hex, where System.Text.Json would write base64.</summary>
internal sealed class HexMutableMemoryJsonConverter : JsonConverter<Memory<byte>>
{
    public override Memory<byte> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RpcJson.ReadData(ref reader);

    public override void Write(Utf8JsonWriter writer, Memory<byte> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Hex.Encode(value.Span));
}
