using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>A <see cref="BlockParameter"/> as JSON-RPC writes it: <c>"0x10"</c> or a tag such as <c>"latest"</c>.</summary>
public sealed class BlockParameterJsonConverter : JsonConverter<BlockParameter>
{
    public override BlockParameter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = RpcJson.ReadString(ref reader, "a block number or tag");
        return BlockParameter.TryParse(text, out var block)
            ? block
            : throw new JsonException($"'{MessageText.Quote(text)}' is neither a block tag (latest, pending, earliest, safe, finalized) nor a 0x-quantity");
    }

    public override void Write(Utf8JsonWriter writer, BlockParameter value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToRpcString());
}
