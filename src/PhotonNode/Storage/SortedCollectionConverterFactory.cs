using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Node.Storage;

/// <summary>
/// Immutable dictionaries as arrays of <c>[key, value]</c> pairs and immutable hash sets as arrays, both
/// sorted by the element's (key's) JSON text: their own enumeration order follows per-process hash seeds.
/// Sorted dictionaries keep their order and are written the same way.
/// </summary>
internal sealed class SortedCollectionConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() is var definition
        && (definition == typeof(ImmutableDictionary<,>) || definition == typeof(ImmutableSortedDictionary<,>) || definition == typeof(ImmutableHashSet<>));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var arguments = typeToConvert.GetGenericArguments();
        var definition = typeToConvert.GetGenericTypeDefinition();
        var converter = definition == typeof(ImmutableHashSet<>)
            ? typeof(SetConverter<>).MakeGenericType(arguments)
            : definition == typeof(ImmutableDictionary<,>)
                ? typeof(DictionaryConverter<,>).MakeGenericType(arguments)
                : typeof(SortedDictionaryConverter<,>).MakeGenericType(arguments);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    private static void WritePairs<TKey, TValue>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<TKey, TValue>> pairs, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var (key, value) in pairs
            .Select(p => (Key: JsonSerializer.Serialize(p.Key, options), p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteStartArray();
            writer.WriteRawValue(key, skipInputValidation: true);
            JsonSerializer.Serialize(writer, value, options);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private static List<KeyValuePair<TKey, TValue>> ReadPairs<TKey, TValue>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("a dictionary is an array of [key, value] pairs");
        var pairs = new List<KeyValuePair<TKey, TValue>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray || !reader.Read())
                throw new JsonException("a dictionary entry is a [key, value] array");
            var key = JsonSerializer.Deserialize<TKey>(ref reader, options) ?? throw new JsonException("a dictionary key is null");
            reader.Read();
            var value = JsonSerializer.Deserialize<TValue>(ref reader, options)!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                throw new JsonException("a dictionary entry has exactly a key and a value");
            pairs.Add(new KeyValuePair<TKey, TValue>(key, value));
        }
        return pairs;
    }

    private sealed class DictionaryConverter<TKey, TValue> : JsonConverter<ImmutableDictionary<TKey, TValue>>
        where TKey : notnull
    {
        public override ImmutableDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableDictionary.CreateRange(ReadPairs<TKey, TValue>(ref reader, options));

        public override void Write(Utf8JsonWriter writer, ImmutableDictionary<TKey, TValue> value, JsonSerializerOptions options) => WritePairs(writer, value, options);
    }

    private sealed class SortedDictionaryConverter<TKey, TValue> : JsonConverter<ImmutableSortedDictionary<TKey, TValue>>
        where TKey : notnull
    {
        public override ImmutableSortedDictionary<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableSortedDictionary.CreateRange(ReadPairs<TKey, TValue>(ref reader, options));

        public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<TKey, TValue> value, JsonSerializerOptions options) => WritePairs(writer, value, options);
    }

    private sealed class SetConverter<T> : JsonConverter<ImmutableHashSet<T>>
    {
        public override ImmutableHashSet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableHashSet.CreateRange(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? throw new JsonException("a set is an array"));

        public override void Write(Utf8JsonWriter writer, ImmutableHashSet<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var element in value.Select(e => JsonSerializer.Serialize(e, options)).Order(StringComparer.Ordinal))
                writer.WriteRawValue(element, skipInputValidation: true);
            writer.WriteEndArray();
        }
    }
}
