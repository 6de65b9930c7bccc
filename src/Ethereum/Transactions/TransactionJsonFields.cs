using System.Text.Json;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// The fields of one JSON transaction object, checked for unknown names and duplicates on the way
/// in, with typed readers that name the field in every refusal. <c>null</c> values count as absent.
/// <see cref="TransactionJson.Parse"/> already refuses duplicate keys in the document; the check here
/// keeps the rule for any element read, and names that are not valid text (a lone surrogate) are refused.
/// </summary>
internal sealed class TransactionJsonFields
{
    private static readonly string[] Known =
    [
        "type", "chainId", "nonce", "from", "to", "gasLimit", "gas", "gasPrice", "maxFeePerGas",
        "maxPriorityFeePerGas", "value", "data", "input", "accessList",
    ];

    private readonly Dictionary<string, JsonElement> _fields;

    private TransactionJsonFields(Dictionary<string, JsonElement> fields) => _fields = fields;

    public static TransactionJsonFields From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new TransactionFormatException($"a JSON transaction is an object {{\"to\": …, \"nonce\": …}}, got {JsonRead.Describe(root)}");
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var name = Name(property, "a transaction field");
            if (!Known.Contains(name, StringComparer.Ordinal))
                throw Unknown(name, Known, "transaction field");
            if (!fields.TryAdd(name, property.Value))
                throw new TransactionFormatException($"transaction field '{name}' is given twice");
        }
        var result = new TransactionJsonFields(fields);
        foreach (var (name, alias) in new[] { ("gasLimit", "gas"), ("data", "input") })
        {
            if (result.Has(name) && result.Has(alias))
                throw new TransactionFormatException($"transaction fields '{name}' and '{alias}' name the same value; give only one");
        }
        return result;
    }

    public bool Has(string name) => _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>Reads <paramref name="name"/>, or its <paramref name="alias"/> (never both: <see cref="From"/> refuses that).</summary>
    public T Alias<T>(string name, string alias, Func<string, T> read) => read(Has(alias) ? alias : name);

    public TransactionType? Type()
    {
        if (!_fields.TryGetValue("type", out var element) || element.ValueKind == JsonValueKind.Null)
            return null;
        var type = Integer(element, "type");
        return type <= 2
            ? (TransactionType)(byte)(ulong)type
            : throw new TransactionFormatException($"transaction type {type} is not supported (0 legacy, 1 EIP-2930, 2 EIP-1559)");
    }

    public UInt256? UInt256(string name) => Get(name) is { } element ? Integer(element, name) : null;

    public ulong? UInt64(string name)
    {
        if (UInt256(name) is not { } value)
            return null;
        return value.BitLength <= 64
            ? (ulong)value
            : throw new TransactionFormatException($"transaction field '{name}' is {value}, beyond 2^64 - 1");
    }

    public Address? Address(string name) => Get(name) is { } element ? ReadAddress(element, $"transaction field '{name}'") : null;

    public byte[]? Bytes(string name)
    {
        if (Get(name) is not { } element)
            return null;
        if (element.ValueKind != JsonValueKind.String)
            throw new TransactionFormatException($"transaction field '{name}' must be 0x-prefixed hex bytes, got {JsonRead.Describe(element)}");
        try
        {
            return Hex.DecodePrefixed(Text(element, $"transaction field '{name}'"));
        }
        catch (HexFormatException e)
        {
            throw new TransactionFormatException($"transaction field '{name}': {e.Message}", e);
        }
    }

    /// <summary>An EIP-2930 access list in the JSON-RPC shape <c>[{"address": …, "storageKeys": [...]}]</c>.</summary>
    public List<AccessListEntry>? AccessList(string name)
    {
        if (Get(name) is not { } element)
            return null;
        if (element.ValueKind != JsonValueKind.Array)
            throw new TransactionFormatException($"transaction field '{name}' must be an array of {{\"address\", \"storageKeys\"}}, got {JsonRead.Describe(element)}");
        var entries = new List<AccessListEntry>();
        var index = 0;
        foreach (var entry in element.EnumerateArray())
        {
            var where = $"{name}[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
                throw new TransactionFormatException($"{where} must be an object {{\"address\", \"storageKeys\"}}, got {JsonRead.Describe(entry)}");
            JsonElement? address = null, keys = null;
            foreach (var property in entry.EnumerateObject())
            {
                var field = Name(property, $"{where} field");
                switch (field)
                {
                    case "address" when address is null:
                        address = property.Value;
                        break;
                    case "storageKeys" when keys is null:
                        keys = property.Value;
                        break;
                    case "address" or "storageKeys":
                        throw new TransactionFormatException($"{where} field '{field}' is given twice");
                    default:
                        throw Unknown(field, ["address", "storageKeys"], $"{where} field");
                }
            }
            if (address is not { ValueKind: not JsonValueKind.Null } addressElement)
                throw new TransactionFormatException($"{where} has no 'address'");
            if (keys is not { ValueKind: JsonValueKind.Array } keysElement)
                throw new TransactionFormatException($"{where} needs 'storageKeys', an array of 32-byte hex strings (may be empty)");
            entries.Add(new AccessListEntry(
                ReadAddress(addressElement, $"{where}.address"),
                keysElement.EnumerateArray().Select((key, i) => ReadStorageKey(key, $"{where}.storageKeys[{i}]")).ToList()));
        }
        return entries;
    }

    private JsonElement? Get(string name) =>
        _fields.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A non-negative integer by the one JSON integer rule of <see cref="JsonInteger"/>.</summary>
    private static UInt256 Integer(JsonElement element, string name)
    {
        try
        {
            return JsonInteger.ReadUInt256(element);
        }
        catch (FormatException e)
        {
            throw new TransactionFormatException($"transaction field '{name}': {e.Message}", e);
        }
    }

    private static Address ReadAddress(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw new TransactionFormatException($"{where} must be a 0x-prefixed address string, got {JsonRead.Describe(element)}");
        try
        {
            return Ethereum.Address.Parse(Text(element, where));
        }
        catch (FormatException e) when (e is not TransactionFormatException)
        {
            throw new TransactionFormatException($"{where}: {e.Message}", e);
        }
    }

    private static Hash256 ReadStorageKey(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw new TransactionFormatException($"{where} must be a 32-byte hex string, got {JsonRead.Describe(element)}");
        try
        {
            return Hash256.Parse(Text(element, where));
        }
        catch (HexFormatException e)
        {
            throw new TransactionFormatException($"{where}: {e.Message}", e);
        }
    }

    /// <summary>Builds the exception for <see cref="JsonRead"/>'s failures.</summary>
    internal static TransactionFormatException Fail(string message, Exception? inner) =>
        inner is null ? new TransactionFormatException(message) : new TransactionFormatException(message, inner);

    private static string Text(JsonElement element, string where) =>
        JsonRead.String(element, (message, inner) => Fail($"{where}: {message}", inner));

    private static string Name(JsonProperty property, string what)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new TransactionFormatException($"{what} has a name that is not valid text (it holds a lone surrogate)", e);
        }
    }

    private static TransactionFormatException Unknown(string name, string[] known, string what)
    {
        var suggestion = known.FirstOrDefault(k => Simplify(k) == Simplify(name));
        var hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
        return new TransactionFormatException($"unknown {what} '{MessageText.Quote(name)}'{hint}; known: {string.Join(", ", known)}");
    }

    // "Gas_Limit", "gas-limit" and "gaslimit" all suggest "gasLimit".
    private static string Simplify(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
}
