using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace Photon.Node.Storage;

/// <summary>Any protobuf message as the base64 of its bytes (our messages are canonical, so the bytes are the value).</summary>
internal sealed class ProtobufMessageConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(IMessage).IsAssignableFrom(typeToConvert) && !typeToConvert.IsAbstract && !typeToConvert.IsInterface;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : IMessage<T>, new()
    {
        private static readonly MessageParser<T> Parser = new(() => new T());

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"a {typeof(T).Name} is a base64 string");
            try
            {
                return Parser.ParseFrom(reader.GetBytesFromBase64());
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or FormatException or InvalidOperationException)
            {
                throw new JsonException($"not a valid {typeof(T).Name}: {e.Message}", e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteBase64StringValue(value.ToByteArray());
    }
}
