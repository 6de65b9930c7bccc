using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Converts between JSON and ABI values, for the CLI, REST and cross-checks.
/// <para>Reading: integers by the rule of <see cref="JsonInteger"/> (JSON numbers of plain digits up
/// to 2⁵³ − 1, or strings in decimal or <c>0x</c> hex; a leading <c>-</c> for signed types); addresses as strings
/// (a mixed-case address must have a valid EIP-55 checksum); <c>bytes</c> and <c>bytes&lt;M&gt;</c>
/// as <c>0x</c> hex strings; bools as <c>true</c>/<c>false</c>; strings as strings; arrays as
/// arrays; tuples as arrays, or as objects keyed by component name when every component is named.</para>
/// <para>Writing: integers as decimal strings (JSON numbers lose precision beyond 2^53), addresses
/// in EIP-55 form, bytes as <c>0x</c> hex, arrays and tuples as arrays (tuples as objects on request).</para>
/// </summary>
public static class AbiJson
{
    /// <summary>Reads a JSON array of type strings, e.g. <c>["uint256","(address,bytes)[]"]</c>.</summary>
    public static AbiType[] ToTypes(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array)
            throw new AbiException($"ABI types are a JSON array of type strings, got {JsonRead.Describe(json)}");
        var types = new List<AbiType>();
        foreach (var item in json.EnumerateArray())
        {
            try
            {
                types.Add(item.ValueKind == JsonValueKind.String
                    ? AbiType.Parse(AbiJsonRead.String(item, "an ABI type"))
                    : throw new AbiException($"an ABI type is a string, got {JsonRead.Describe(item)}"));
            }
            catch (AbiException e)
            {
                e.At(types.Count);
                throw;
            }
        }
        return [.. types];
    }

    /// <summary>Reads a JSON array with one value per type.</summary>
    public static object?[] ToValues(IReadOnlyList<AbiType> types, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(types);
        return ToValues(types.Select(t => new AbiParameter(t)).ToArray(), json);
    }

    /// <summary>Reads a JSON array with one value per parameter, or an object keyed by parameter name.</summary>
    public static object?[] ToValues(IReadOnlyList<AbiParameter> parameters, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Members(parameters, json, "values");
    }

    public static object? ToValue(AbiType type, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type)
        {
            case AbiUIntType u:
                var unsigned = Integer(json, type);
                return AbiValueConversion.ToUnsigned(unsigned, u);
            case AbiIntType i:
                return AbiValueConversion.ToSigned(Integer(json, type), i);
            case AbiAddressType:
                var text = String(json, type);
                try
                {
                    return Address.Parse(text);
                }
                catch (FormatException e)
                {
                    throw new AbiException($"'{MessageText.Quote(text, 60)}' is not an address: {e.Message}", e);
                }
            case AbiBoolType:
                return json.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Expected(type, "true or false", json),
                };
            case AbiFixedBytesType f:
                var fixedBytes = HexBytes(json, type);
                return fixedBytes.Length == f.Size ? fixedBytes : throw new AbiException($"{type} needs exactly {f.Size} bytes, got {fixedBytes.Length}");
            case AbiBytesType:
                return HexBytes(json, type);
            case AbiStringType:
                return String(json, type);
            case AbiArrayType array:
                return Elements(array.Element, null, json, type);
            case AbiFixedArrayType fixedArray:
                return Elements(fixedArray.Element, fixedArray.Length, json, type);
            case AbiTupleType tuple:
                return Members(tuple.Components, json, tuple.ToString());
            default:
                throw new InvalidOperationException($"unknown ABI type {type}");
        }
    }

    /// <summary>JSON for a value of <paramref name="type"/>; accepts anything the encoder accepts.</summary>
    public static JsonNode? ToJson(AbiType type, object? value, bool namedTuples = false)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type)
        {
            case AbiUIntType u:
                return JsonValue.Create(AbiValueConversion.ToUnsigned(value, u).ToString());
            case AbiIntType i:
                return JsonValue.Create(AbiValueConversion.ToSigned(value, i).ToString(CultureInfo.InvariantCulture));
            case AbiAddressType:
                return JsonValue.Create(AbiValueConversion.ToAddress(value).ToString());
            case AbiBoolType:
                return JsonValue.Create(AbiValueConversion.ToBool(value));
            case AbiFixedBytesType f:
                return JsonValue.Create(Hex.Encode(AbiValueConversion.ToFixedBytes(value, f).Span));
            case AbiBytesType:
                return JsonValue.Create(Hex.Encode(AbiValueConversion.ToBytes(value, type).Span));
            case AbiStringType:
                return JsonValue.Create(AbiValueConversion.ToText(value));
        }
        var list = AbiValueConversion.ToArray(value, type);
        var (count, typeAt, names) = type switch
        {
            AbiArrayType a => (list.Length, (Func<int, AbiType>)(_ => a.Element), (IReadOnlyList<AbiParameter>?)null),
            AbiFixedArrayType f => (f.Length, _ => f.Element, null),
            AbiTupleType t => (t.Components.Count, i => t.Components[i].Type, namedTuples && AllNamed(t.Components) ? t.Components : null),
            _ => throw new InvalidOperationException($"unknown ABI type {type}"),
        };
        if (list.Length != count)
            throw new AbiException($"{type} needs {count} values, got {list.Length}");
        var nodes = new JsonNode?[count];
        for (var i = 0; i < count; i++)
        {
            try
            {
                nodes[i] = ToJson(typeAt(i), list[i], namedTuples);
            }
            catch (AbiException e)
            {
                e.At(i, (type as AbiTupleType)?.Components[i].Name);
                throw;
            }
        }
        if (names is null)
            return new JsonArray(nodes);
        var result = new JsonObject();
        for (var i = 0; i < count; i++)
            result[names[i].Name] = nodes[i];
        return result;
    }

    /// <summary>A JSON array with one entry per type.</summary>
    public static JsonArray ToJson(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, bool namedTuples = false)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
            throw new AbiException($"expected {types.Count} values, got {values.Count}");
        var result = new JsonArray();
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                result.Add(ToJson(types[i], values[i], namedTuples));
            }
            catch (AbiException e)
            {
                e.At(i);
                throw;
            }
        }
        return result;
    }

    /// <summary>
    /// Decoded values as a JSON object keyed by parameter name (an array if some are unnamed or
    /// share a name). Indexed event inputs that are only a topic hash are written as that hash.
    /// </summary>
    public static JsonNode ToJson(AbiValues values, bool namedTuples = true)
    {
        ArgumentNullException.ThrowIfNull(values);
        var nodes = new JsonNode?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = values.Parameters[i];
            try
            {
                nodes[i] = parameter.Indexed && !parameter.Type.IsElementary && values[i] is Hash256 topic
                    ? JsonValue.Create(topic.ToString())
                    : ToJson(parameter.Type, values[i], namedTuples);
            }
            catch (AbiException e)
            {
                e.At(i, parameter.Name);
                throw;
            }
        }
        if (!AllNamed(values.Parameters))
            return new JsonArray(nodes);
        var result = new JsonObject();
        for (var i = 0; i < nodes.Length; i++)
            result[values.Parameters[i].Name] = nodes[i];
        return result;
    }

    private static object?[] Elements(AbiType element, int? length, JsonElement json, AbiType type)
    {
        if (json.ValueKind != JsonValueKind.Array)
            throw Expected(type, "a JSON array", json);
        var count = json.GetArrayLength();
        if (length is { } expected && count != expected)
            throw new AbiException($"{type} needs {expected} values, got {count}");
        var result = new object?[count];
        var i = 0;
        foreach (var item in json.EnumerateArray())
        {
            try
            {
                result[i] = ToValue(element, item);
            }
            catch (AbiException e)
            {
                e.At(i);
                throw;
            }
            i++;
        }
        return result;
    }

    private static object?[] Members(IReadOnlyList<AbiParameter> members, JsonElement json, string what)
    {
        var result = new object?[members.Count];
        if (json.ValueKind == JsonValueKind.Object)
        {
            if (!AllNamed(members))
                throw new AbiException($"{what} can be a JSON object only when every member has a distinct name");
            // By name, with duplicates refused: counting members read would let {"a":1,"a":2} stand in for a and b.
            var given = AbiJsonRead.Members(json, what);
            foreach (var name in given.Keys)
            {
                if (IndexOf(members, name) is null)
                    throw new AbiException($"{what} has no member named '{MessageText.Quote(name)}' (members: {string.Join(", ", members.Select(m => m.Name))})");
            }
            var missing = members.Where(m => !given.ContainsKey(m.Name)).Select(m => m.Name).ToList();
            if (missing.Count > 0)
                throw new AbiException($"{what} is missing {string.Join(", ", missing)}");
            for (var i = 0; i < members.Count; i++)
                result[i] = Member(members, i, given[members[i].Name]);
            return result;
        }
        if (json.ValueKind != JsonValueKind.Array)
            throw new AbiException($"{what} must be a JSON array{(AllNamed(members) ? " or object" : "")}, got {JsonRead.Describe(json)}");
        var count = json.GetArrayLength();
        if (count != members.Count)
            throw new AbiException($"{what} needs {members.Count} values, got {count}");
        var index = 0;
        foreach (var item in json.EnumerateArray())
        {
            result[index] = Member(members, index, item);
            index++;
        }
        return result;
    }

    private static object? Member(IReadOnlyList<AbiParameter> members, int index, JsonElement json)
    {
        try
        {
            return ToValue(members[index].Type, json);
        }
        catch (AbiException e)
        {
            e.At(index, members[index].Name);
            throw;
        }
    }

    private static int? IndexOf(IReadOnlyList<AbiParameter> members, string name)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Name == name)
                return i;
        }
        return null;
    }

    private static bool AllNamed(IReadOnlyList<AbiParameter> members) =>
        members.All(m => m.Name.Length > 0) && members.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() == members.Count;

    private static BigInteger Integer(JsonElement json, AbiType type)
    {
        try
        {
            return JsonInteger.Read(json, allowNegative: type is AbiIntType);
        }
        catch (FormatException e)
        {
            throw new AbiException($"{type}: {e.Message}", e);
        }
    }

    private static string String(JsonElement json, AbiType type) =>
        json.ValueKind == JsonValueKind.String ? AbiJsonRead.String(json, type.ToString()) : throw Expected(type, "a JSON string", json);

    private static byte[] HexBytes(JsonElement json, AbiType type)
    {
        try
        {
            return Hex.DecodePrefixed(String(json, type));
        }
        catch (HexFormatException e)
        {
            throw new AbiException($"{type}: {e.Message}", e);
        }
    }

    private static AbiException Expected(AbiType type, string what, JsonElement json) =>
        new($"{type} needs {what}, got {(JsonRead.TryString(json, out var text) ? $"'{MessageText.Quote(text, 60)}'" : JsonRead.Describe(json))}");
}
