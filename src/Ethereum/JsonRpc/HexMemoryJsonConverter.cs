using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// JSON-RPC data held as <see cref="ReadOnlyMemory{T}"/> (call data, log data, transaction input):
/// 0x-hex, where System.Text.Json would write base64.
/// </summary>
internal sealed class HexMemoryJsonConverter : JsonConverter<ReadOnlyMemory<byte>>
{
    public override ReadOnlyMemory<byte> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RpcJson.ReadData(ref reader);

    public override void Write(Utf8JsonWriter writer, ReadOnlyMemory<byte> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Hex.Encode(value.Span));
}
