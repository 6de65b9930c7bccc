using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Eip712;

/// <summary>
/// The struct types of an EIP-712 document and the hashing rules of the standard:
/// <c>encodeType</c> (the type followed by its referenced struct types sorted by name),
/// <c>typeHash</c>, <c>encodeData</c> and <c>hashStruct</c>. Every field type is resolved when the
/// set is built, so hashing never meets an unknown type.
/// </summary>
public sealed partial class TypedDataTypes
{
    public const string DomainTypeName = "EIP712Domain";

    /// <summary>Deepest nesting of structs and arrays in a value: hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most struct types in one document, and most members in all of them together.</summary>
    public const int MaxTypes = 1024;

    /// <summary>
    /// Bounds the work of hashing: every struct type's encodeType spells out its dependencies, so
    /// the cost grows with types × members; capping the total keeps a hostile document cheap.
    /// </summary>
    public const int MaxMembers = 4096;

    /// <summary>Longest member type text, and most array dimensions on one member type (as ABI types allow).</summary>
    public const int MaxTypeLength = 256;

    public const int MaxArrayDimensions = 32;

    // Inferred EIP712Domain members, in the order the standard lists them.
    private static readonly TypedDataField[] DomainFieldOrder =
    [
        new("name", "string"),
        new("version", "string"),
        new("chainId", "uint256"),
        new("verifyingContract", "address"),
        new("salt", "bytes32"),
    ];

    private readonly Dictionary<string, TypedDataField[]> _structs;
    private readonly Dictionary<string, FieldType> _fieldTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Hash256> _typeHashes = new(StringComparer.Ordinal);

    private TypedDataTypes(Dictionary<string, TypedDataField[]> structs)
    {
        if (structs.Count > MaxTypes)
            throw new TypedDataException($"typed data defines {structs.Count} types; at most {MaxTypes} are accepted");
        var members = structs.Values.Sum(f => (long)f.Length);
        if (members > MaxMembers)
            throw new TypedDataException($"typed data has {members} members in all; at most {MaxMembers} are accepted");
        _structs = structs;
        // The members an inferred EIP712Domain can have are elementary: resolve them once up front.
        foreach (var field in DomainFieldOrder)
            _fieldTypes[field.Type] = ResolveFieldType(field.Type, DomainTypeName);
        foreach (var (name, fields) in structs)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (!IdentifierPattern().IsMatch(field.Name))
                    throw new TypedDataException($"'{MessageText.Quote(field.Name)}' in {name} is not a valid field name");
                if (!seen.Add(field.Name))
                    throw new TypedDataException($"{name} has the field '{field.Name}' twice");
                if (!_fieldTypes.ContainsKey(field.Type))
                    _fieldTypes[field.Type] = ResolveFieldType(field.Type, name);
            }
        }
    }

    public IReadOnlyCollection<string> Names => _structs.Keys;

    public bool Contains(string name) => _structs.ContainsKey(name);

    public IReadOnlyList<TypedDataField> Fields(string name) =>
        _structs.TryGetValue(name, out var fields) ? fields : throw new TypedDataException($"type '{name}' is not defined");

    public static TypedDataTypes Create(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> structs)
    {
        ArgumentNullException.ThrowIfNull(structs);
        var copy = new Dictionary<string, TypedDataField[]>(StringComparer.Ordinal);
        foreach (var (name, fields) in structs)
        {
            ValidateTypeName(name);
            copy[name] = [.. fields];
        }
        return new TypedDataTypes(copy);
    }

    /// <summary>Reads <c>{"Mail":[{"name":"from","type":"Person"},…],…}</c>.</summary>
    public static TypedDataTypes Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
            throw new TypedDataException("types must be an object of struct definitions");
        try
        {
            return new TypedDataTypes(ReadStructs(json));
        }
        catch (InvalidOperationException e)
        {
            // A JsonElement that did not come through JsonRead may hold a lone surrogate in a name.
            throw new TypedDataException("types hold text that is not valid (a lone surrogate)", e);
        }
    }

    private static Dictionary<string, TypedDataField[]> ReadStructs(JsonElement json)
    {
        var structs = new Dictionary<string, TypedDataField[]>(StringComparer.Ordinal);
        foreach (var type in json.EnumerateObject())
        {
            ValidateTypeName(type.Name);
            if (type.Value.ValueKind != JsonValueKind.Array)
                throw new TypedDataException($"type '{type.Name}' must be an array of {{name, type}} members");
            var fields = new List<TypedDataField>();
            foreach (var member in type.Value.EnumerateArray())
            {
                if (member.ValueKind != JsonValueKind.Object
                    || member.EnumerateObject().Count() != member.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).Count()
                    || !member.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !member.TryGetProperty("type", out var fieldType) || fieldType.ValueKind != JsonValueKind.String)
                    throw new TypedDataException($"every member of '{type.Name}' needs one string name and one string type");
                fields.Add(new TypedDataField(name.GetString()!, fieldType.GetString()!));
            }
            if (!structs.TryAdd(type.Name, [.. fields]))
                throw new TypedDataException($"type '{type.Name}' is defined twice");
        }
        return structs;
    }

    /// <summary><c>encodeType</c>: <c>Mail(Person from,Person to,string contents)Person(string name,address wallet)</c>.</summary>
    public string EncodeType(string name)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(name, dependencies);
        dependencies.Remove(name);
        var text = new StringBuilder();
        foreach (var type in dependencies.Prepend(name))
        {
            text.Append(type).Append('(');
            text.AppendJoin(',', Fields(type).Select(f => f.Type + " " + f.Name));
            text.Append(')');
        }
        return text.ToString();
    }

    public Hash256 TypeHash(string name)
    {
        lock (_typeHashes)
        {
            if (!_typeHashes.TryGetValue(name, out var hash))
                _typeHashes[name] = hash = Keccak256.Hash(EncodeType(name));
            return hash;
        }
    }

    /// <summary><c>hashStruct(s) = keccak256(typeHash ‖ encodeData(s))</c>.</summary>
    public Hash256 HashStruct(string name, JsonElement value)
    {
        try
        {
            return HashStruct(name, value, 0, name);
        }
        catch (InvalidOperationException e)
        {
            throw new TypedDataException($"the {name} value holds text that is not valid (a lone surrogate)", e);
        }
    }

    /// <summary>
    /// The domain separator. Uses the <c>EIP712Domain</c> type when the document defines one;
    /// otherwise infers it from the domain members present, in the standard's order.
    /// </summary>
    public Hash256 HashDomain(JsonElement domain)
    {
        try
        {
            if (domain.ValueKind != JsonValueKind.Object)
                throw new TypedDataException("domain must be an object");
            if (Contains(DomainTypeName))
                return HashStruct(DomainTypeName, domain);
            foreach (var member in domain.EnumerateObject())
            {
                if (!DomainFieldOrder.Any(f => f.Name == member.Name))
                    throw new TypedDataException($"unknown domain member '{MessageText.Quote(member.Name)}' (name, version, chainId, verifyingContract, salt)");
            }
            var fields = DomainFieldOrder.Where(f => domain.TryGetProperty(f.Name, out _)).ToArray();
            // The inferred type has elementary members only, so its encodeType is itself alone.
            var typeHash = Keccak256.Hash($"{DomainTypeName}({string.Join(',', fields.Select(f => f.Type + " " + f.Name))})");
            return HashFields(DomainTypeName, fields, typeHash, domain, 0, "domain");
        }
        catch (InvalidOperationException e)
        {
            throw new TypedDataException("the domain holds text that is not valid (a lone surrogate)", e);
        }
    }

    private Hash256 HashStruct(string name, JsonElement value, int depth, string path) =>
        HashFields(name, Fields(name), TypeHash(name), value, depth, path);

    private Hash256 HashFields(string name, IReadOnlyList<TypedDataField> fields, Hash256 typeHash, JsonElement value, int depth, string path)
    {
        if (depth > MaxDepth)
            throw new TypedDataException($"value nested deeper than {MaxDepth} levels at {path}");
        if (value.ValueKind != JsonValueKind.Object)
            throw new TypedDataException($"{path} must be an object of type {name}, got {value.ValueKind}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            // Stricter than most wallets on purpose: a member that is not signed must not look signed,
            // and of two equal keys a reader may show one while the other is signed.
            if (!fields.Any(f => f.Name == member.Name))
                throw new TypedDataException($"{path}.{MessageText.Quote(member.Name)} is not a member of {name}");
            if (!seen.Add(member.Name))
                throw new TypedDataException($"{path}.{MessageText.Quote(member.Name)} is given twice");
        }
        var encoded = new byte[32 * (fields.Count + 1)];
        typeHash.WriteTo(encoded);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!value.TryGetProperty(field.Name, out var member))
                throw new TypedDataException($"{path}.{field.Name} is missing");
            EncodeValue(_fieldTypes[field.Type], member, depth + 1, $"{path}.{field.Name}").CopyTo(encoded.AsSpan(32 * (i + 1)));
        }
        return Keccak256.Hash(encoded);
    }

    /// <summary>The 32-byte <c>encodeData</c> word of one member value.</summary>
    private byte[] EncodeValue(FieldType type, JsonElement value, int depth, string path)
    {
        if (depth > MaxDepth)
            throw new TypedDataException($"value nested deeper than {MaxDepth} levels at {path}");
        if (type.ArrayLength is { } length)
        {
            if (value.ValueKind != JsonValueKind.Array)
                throw new TypedDataException($"{path} must be an array ({type.Text}), got {value.ValueKind}");
            var count = value.GetArrayLength();
            if (length >= 0 && count != length)
                throw new TypedDataException($"{path} must have exactly {length} elements ({type.Text}), got {count}");
            var concatenated = new byte[32 * count];
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                EncodeValue(type.Element!, item, depth + 1, $"{path}[{i}]").CopyTo(concatenated.AsSpan(32 * i));
                i++;
            }
            return Keccak256.Hash(concatenated).ToArray();
        }
        if (type.StructName is { } structName)
            return HashStruct(structName, value, depth, path).ToArray();
        var abiType = type.Elementary!;
        object? converted;
        try
        {
            converted = AbiJson.ToValue(abiType, value);
        }
        catch (AbiException e)
        {
            throw new TypedDataException($"{path}: {e.Message}", e);
        }
        return abiType switch
        {
            AbiBytesType => Keccak256.Hash((byte[])converted!).ToArray(),
            AbiStringType => Keccak256.Hash((string)converted!).ToArray(),
            _ => AbiCodec.Encode([abiType], [converted]),
        };
    }

    // Iterative: a chain of thousands of struct types must not exhaust the stack.
    private void CollectDependencies(string name, SortedSet<string> found)
    {
        var pending = new Stack<string>([name]);
        while (pending.TryPop(out var type))
        {
            if (!found.Add(type))
                continue;
            foreach (var field in Fields(type))
            {
                if (_fieldTypes[field.Type].Innermost.StructName is { } dependency)
                    pending.Push(dependency);
            }
        }
    }

    /// <summary>Peels array suffixes from the right (<c>T[2][]</c> is a dynamic array of <c>T[2]</c>), in a loop and bounded.</summary>
    private FieldType ResolveFieldType(string text, string owner)
    {
        if (text.Length > MaxTypeLength)
            throw new TypedDataException($"a member type of {owner} is longer than {MaxTypeLength} characters");
        var lengths = new List<int>();
        var baseText = text;
        Match suffix;
        while ((suffix = ArraySuffixPattern().Match(baseText)).Success)
        {
            if (lengths.Count == MaxArrayDimensions)
                throw new TypedDataException($"'{MessageText.Quote(text)}' in {owner} has more than {MaxArrayDimensions} array dimensions");
            var length = suffix.Groups[1].Value;
            if (length.Length == 0)
                lengths.Add(-1);
            else if (int.TryParse(length, out var fixedLength) && fixedLength > 0 && length[0] != '0')
                lengths.Add(fixedLength);
            else
                throw new TypedDataException($"'{MessageText.Quote(text)}' in {owner} has a bad array length");
            baseText = baseText[..suffix.Index];
        }
        FieldType resolved;
        if (_structs.ContainsKey(baseText))
            resolved = new FieldType(baseText, null, baseText, null, null);
        else if (AbiType.TryParse(baseText, out var abiType) && IsAtomicOrDynamic(abiType) && !baseText.Contains(' ', StringComparison.Ordinal))
            resolved = new FieldType(baseText, abiType, null, null, null);
        else
            throw new TypedDataException($"'{MessageText.Quote(text)}' in {owner} is neither a defined struct nor an elementary type");
        // Innermost dimension first: the suffix nearest the base type was peeled last.
        for (var i = lengths.Count - 1; i >= 0; i--)
        {
            var dimension = lengths[i] < 0 ? "[]" : $"[{lengths[i]}]";
            resolved = new FieldType(resolved.Text + dimension, null, null, resolved, lengths[i]);
        }
        return resolved;
    }

    private static void ValidateTypeName(string name)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new TypedDataException($"'{MessageText.Quote(name)}' is not a valid type name");
        if (AbiType.TryParse(name, out var abi) && IsAtomicOrDynamic(abi))
            throw new TypedDataException($"'{name}' is an elementary type and cannot be a struct name");
    }

    /// <summary>The member types EIP-712 defines besides structs and arrays.</summary>
    private static bool IsAtomicOrDynamic(AbiType? type) =>
        type is AbiUIntType or AbiIntType or AbiAddressType or AbiBoolType or AbiFixedBytesType or AbiBytesType or AbiStringType;

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*\z")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"\[([0-9]{0,9})\]\z")]
    private static partial Regex ArraySuffixPattern();

    /// <summary>A resolved member type: elementary, a struct, or an array (length −1 when dynamic) of another.</summary>
    private sealed record FieldType(string Text, AbiType? Elementary, string? StructName, FieldType? Element, int? ArrayLength)
    {
        public FieldType Innermost
        {
            get
            {
                var type = this;
                while (type.Element is { } element)
                    type = element;
                return type;
            }
        }
    }
}
