using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// Reading JSON-RPC values out of a result. Every reader checks the shape and throws
/// <see cref="RpcResponseFormatException"/> naming the field, so a bad answer is never
/// mistaken for a good one and never surfaces as a NullReference or InvalidOperation.
/// </summary>
internal static class RpcJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    // Integers are quantities wherever the RPC is concerned (eth_getBlockByNumber takes "0x10", and
    // geth refuses the JSON number 16); floating-point numbers stay numbers (eth_feeHistory percentiles).
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new HexQuantityJsonConverter());
        options.Converters.Add(new HexBytesJsonConverter());
        options.Converters.Add(new HexMemoryJsonConverter());
        options.Converters.Add(new HexMutableMemoryJsonConverter());
        options.Converters.Add(new QuantityJsonConverter<byte>());
        options.Converters.Add(new QuantityJsonConverter<sbyte>());
        options.Converters.Add(new QuantityJsonConverter<short>());
        options.Converters.Add(new QuantityJsonConverter<ushort>());
        options.Converters.Add(new QuantityJsonConverter<int>());
        options.Converters.Add(new QuantityJsonConverter<uint>());
        options.Converters.Add(new QuantityJsonConverter<long>());
        options.Converters.Add(new QuantityJsonConverter<ulong>());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static T? Deserialize<T>(JsonElement element, string context)
    {
        try
        {
            return element.Deserialize<T>(Options);
        }
        catch (JsonException e)
        {
            throw new RpcResponseFormatException($"{context}: the result is not a {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>For converters: the string under the reader, with every failure (not a string, a lone surrogate, invalid UTF-8) a <see cref="JsonException"/>.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected {expected}, got {reader.TokenType}");
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("the string is not valid text (it holds a lone surrogate or invalid UTF-8)", e);
        }
    }

    /// <summary>For converters: 0x-hex data under the reader.</summary>
    public static byte[] ReadData(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader, "0x-hex data");
        try
        {
            return Hex.DecodePrefixed(text);
        }
        catch (HexFormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <summary>0x followed by 1 to 64 hex digits (leading zeros tolerated on input).</summary>
    public static bool TryParseQuantity(string text, out UInt256 value)
    {
        value = default;
        if (text.Length < 3 || text[0] != '0' || text[1] is not ('x' or 'X'))
            return false;
        return UInt256.TryParse(text, out value);
    }

    public static JsonElement Property(JsonElement obj, string name, string context)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw new RpcResponseFormatException($"{context}: expected a JSON object, got {obj.ValueKind}");
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new RpcResponseFormatException($"{context}: field '{name}' is missing");
        return value;
    }

    /// <summary>The field, or null when it is absent or JSON null.</summary>
    public static JsonElement? OptionalProperty(JsonElement obj, string name, string context)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw new RpcResponseFormatException($"{context}: expected a JSON object, got {obj.ValueKind}");
        return obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>A JSON string of valid text; a lone surrogate (which GetString cannot return) is a format error too.</summary>
    public static string String(JsonElement element, string context) =>
        JsonRead.String(element, (message, inner) => new RpcResponseFormatException($"{context}: {message}", inner));

    public static UInt256 Quantity(JsonElement element, string context)
    {
        var text = String(element, context);
        return TryParseQuantity(text, out var value)
            ? value
            : throw new RpcResponseFormatException($"{context}: '{Hex.Shorten(text)}' is not a 0x-quantity");
    }

    public static ulong QuantityUInt64(JsonElement element, string context)
    {
        var value = Quantity(element, context);
        return value <= ulong.MaxValue
            ? (ulong)value
            : throw new RpcResponseFormatException($"{context}: {value.ToHexString()} does not fit 64 bits");
    }

    public static byte[] Bytes(JsonElement element, string context)
    {
        var text = String(element, context);
        try
        {
            return Hex.DecodePrefixed(text);
        }
        catch (HexFormatException e)
        {
            throw new RpcResponseFormatException($"{context}: not 0x-hex data: {e.Message}", e);
        }
    }

    public static Address Address(JsonElement element, string context)
    {
        var text = String(element, context);
        try
        {
            return Ethereum.Address.Parse(text);
        }
        catch (FormatException e)
        {
            throw new RpcResponseFormatException($"{context}: '{Hex.Shorten(text)}' is not an address: {e.Message}", e);
        }
    }

    public static Hash256 Hash(JsonElement element, string context)
    {
        var text = String(element, context);
        return Hash256.TryParse(text, out var hash)
            ? hash
            : throw new RpcResponseFormatException($"{context}: '{Hex.Shorten(text)}' is not a 32-byte hash");
    }

    public static bool Bool(JsonElement element, string context) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new RpcResponseFormatException($"{context}: expected true or false, got {element.ValueKind}"),
    };

    public static IReadOnlyList<T> Array<T>(JsonElement element, string context, Func<JsonElement, string, T> read)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new RpcResponseFormatException($"{context}: expected an array, got {element.ValueKind}");
        var list = new List<T>(element.GetArrayLength());
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            list.Add(read(item, $"{context}[{i}]"));
            i++;
        }
        return list;
    }

    // Field shortcuts: "read field X of object O as type T", with the field path in the message.
    public static UInt256 Quantity(JsonElement obj, string name, string context) =>
        Quantity(Property(obj, name, context), $"{context}.{name}");

    public static ulong QuantityUInt64(JsonElement obj, string name, string context) =>
        QuantityUInt64(Property(obj, name, context), $"{context}.{name}");

    public static UInt256? OptionalQuantity(JsonElement obj, string name, string context) =>
        OptionalProperty(obj, name, context) is { } e ? Quantity(e, $"{context}.{name}") : null;

    public static ulong? OptionalQuantityUInt64(JsonElement obj, string name, string context) =>
        OptionalProperty(obj, name, context) is { } e ? QuantityUInt64(e, $"{context}.{name}") : null;

    public static Address Address(JsonElement obj, string name, string context) =>
        Address(Property(obj, name, context), $"{context}.{name}");

    public static Address? OptionalAddress(JsonElement obj, string name, string context) =>
        OptionalProperty(obj, name, context) is { } e ? Address(e, $"{context}.{name}") : null;

    public static Hash256 Hash(JsonElement obj, string name, string context) =>
        Hash(Property(obj, name, context), $"{context}.{name}");

    public static Hash256? OptionalHash(JsonElement obj, string name, string context) =>
        OptionalProperty(obj, name, context) is { } e ? Hash(e, $"{context}.{name}") : null;

    public static byte[] Bytes(JsonElement obj, string name, string context) =>
        Bytes(Property(obj, name, context), $"{context}.{name}");
}
