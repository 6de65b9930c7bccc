using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// Writes a request parameter in its RPC form, so passing a <see cref="CallRequest"/> or
/// <see cref="LogFilter"/> straight to <see cref="JsonRpcClient"/> (e.g. in a batch) sends what
/// <see cref="EthClient"/> sends. These are request types only: reading them is refused.
/// </summary>
internal sealed class RpcObjectJsonConverter<T> : JsonConverter<T> where T : IRpcObject
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException($"{typeof(T).Name} is a request parameter and is never read from JSON");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        value.ToRpcObject().WriteTo(writer, options);
}
