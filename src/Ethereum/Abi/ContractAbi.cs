using System.Reflection;
using System.Text.Json;

namespace Photon.Ethereum.Abi;

/// <summary>
/// A contract's interface read from a standard JSON ABI (as solc, Hardhat, Foundry and ethers
/// write it): functions, events, errors, constructor, fallback and receive. Look members up by
/// name or full signature, or match call data, revert data and logs to them.
/// </summary>
public sealed class ContractAbi
{
    private readonly Dictionary<uint, AbiFunction> _functionsBySelector = [];
    private readonly Dictionary<uint, AbiError> _errorsBySelector = [];
    private readonly Dictionary<Hash256, AbiEvent> _eventsByTopic = [];

    public ContractAbi(
        IEnumerable<AbiFunction> functions,
        IEnumerable<AbiEvent> events,
        IEnumerable<AbiError> errors,
        AbiConstructor? constructor = null,
        AbiStateMutability? fallback = null,
        bool hasReceive = false)
    {
        Functions = [.. functions];
        Events = [.. events];
        Errors = [.. errors];
        Constructor = constructor;
        Fallback = fallback;
        HasReceive = hasReceive;
        foreach (var function in Functions)
        {
            if (!_functionsBySelector.TryAdd(Key(function.Selector), function))
                throw new AbiException($"functions {_functionsBySelector[Key(function.Selector)].Signature} and {function.Signature} share the selector {function.SelectorHex}");
        }
        foreach (var error in Errors)
        {
            if (!_errorsBySelector.TryAdd(Key(error.Selector), error))
                throw new AbiException($"errors {_errorsBySelector[Key(error.Selector)].Signature} and {error.Signature} share the selector {error.SelectorHex}");
        }
        foreach (var e in Events.Where(e => !e.Anonymous))
        {
            if (!_eventsByTopic.TryAdd(e.Topic0, e))
                throw new AbiException($"event {e.Signature} is declared twice");
        }
    }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    public AbiConstructor? Constructor { get; }

    /// <summary>The mutability of the fallback function (payable or not), or null if the contract has none.</summary>
    public AbiStateMutability? Fallback { get; }

    public bool HasFallback => Fallback is not null;

    public bool HasReceive { get; }

    /// <summary>
    /// Parses a JSON ABI: an array of fragments, or an artifact object with an <c>abi</c> array.
    /// Throws <see cref="AbiException"/> for malformed JSON (including duplicate keys and nesting
    /// deeper than <see cref="JsonRead.MaxDepth"/>), unknown fragment kinds and bad types.
    /// </summary>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(AbiJsonRead.Parse(json, "the JSON ABI"));
    }

    /// <summary>Reads a parsed JSON ABI; an object read twice under one name (possible in a caller's own document) is refused.</summary>
    public static ContractAbi Parse(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && AbiJsonRead.Members(root, "the artifact").TryGetValue("abi", out var abi))
            root = abi;
        if (root.ValueKind != JsonValueKind.Array)
            throw new AbiException($"a JSON ABI is an array of fragments, got {JsonRead.Describe(root)}");
        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        AbiConstructor? constructor = null;
        AbiStateMutability? fallback = null;
        var receive = false;
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            try
            {
                if (element.ValueKind != JsonValueKind.Object)
                    throw new AbiException($"an ABI fragment is an object, got {JsonRead.Describe(element)}");
                var fragment = AbiJsonRead.Members(element, "the fragment");
                var kind = OptionalString(fragment, "type") ?? "function";
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(
                            RequiredString(fragment, "name"), Parameters(fragment, "inputs", false), Parameters(fragment, "outputs", false), Mutability(fragment)));
                        break;
                    case "event":
                        events.Add(new AbiEvent(RequiredString(fragment, "name"), Parameters(fragment, "inputs", true), OptionalBool(fragment, "anonymous")));
                        break;
                    case "error":
                        errors.Add(new AbiError(RequiredString(fragment, "name"), Parameters(fragment, "inputs", false)));
                        break;
                    case "constructor":
                        constructor = constructor is null
                            ? new AbiConstructor(Parameters(fragment, "inputs", false), Mutability(fragment))
                            : throw new AbiException("the ABI declares two constructors");
                        break;
                    case "fallback":
                        fallback = Mutability(fragment);
                        break;
                    case "receive":
                        receive = true;
                        break;
                    default:
                        throw new AbiException($"unknown ABI fragment type '{MessageText.Quote(kind)}'");
                }
            }
            catch (AbiException e)
            {
                e.At(index);
                throw;
            }
            index++;
        }
        return new ContractAbi(functions, events, errors, constructor, fallback, receive);
    }

    /// <summary>The standard JSON ABI (an array of fragments) of this contract; <see cref="Parse(string)"/> reads it back.</summary>
    public string ToJson()
    {
        var fragments = new System.Text.Json.Nodes.JsonArray();
        if (Constructor is not null)
            fragments.Add(Constructor.ToAbiJson());
        foreach (var function in Functions)
            fragments.Add(function.ToAbiJson());
        foreach (var e in Events)
            fragments.Add(e.ToAbiJson());
        foreach (var error in Errors)
            fragments.Add(error.ToAbiJson());
        if (Fallback is { } fallback)
            fragments.Add(new System.Text.Json.Nodes.JsonObject { ["type"] = "fallback", ["stateMutability"] = AbiSignature.Keyword(fallback) });
        if (HasReceive)
            fragments.Add(new System.Text.Json.Nodes.JsonObject { ["type"] = "receive", ["stateMutability"] = "payable" });
        return fragments.ToJsonString();
    }

    /// <summary>A function by name (if not overloaded) or by signature (<c>transfer(address,uint256)</c>).</summary>
    public AbiFunction GetFunction(string nameOrSignature) =>
        Lookup(Functions, nameOrSignature, f => f.Name, f => f.Signature, text => AbiFunction.Parse(text).Signature, "function");

    public bool TryGetFunction(string nameOrSignature, out AbiFunction? function) =>
        TryLookup(() => GetFunction(nameOrSignature), out function);

    /// <summary>The function whose selector starts <paramref name="callData"/>, or null.</summary>
    public AbiFunction? FindFunction(ReadOnlySpan<byte> callData) =>
        callData.Length >= 4 && _functionsBySelector.TryGetValue(Key(callData), out var f) ? f : null;

    public AbiEvent GetEvent(string nameOrSignature) =>
        Lookup(Events, nameOrSignature, e => e.Name, e => e.Signature, text => AbiEvent.Parse(text).Signature, "event");

    public bool TryGetEvent(string nameOrSignature, out AbiEvent? abiEvent) =>
        TryLookup(() => GetEvent(nameOrSignature), out abiEvent);

    /// <summary>The (non-anonymous) event with this topic 0, or null.</summary>
    public AbiEvent? FindEvent(Hash256 topic0) => _eventsByTopic.GetValueOrDefault(topic0);

    public AbiError GetError(string nameOrSignature) =>
        Lookup(Errors, nameOrSignature, e => e.Name, e => e.Signature, text => AbiError.Parse(text).Signature, "error");

    /// <summary>The declared error, or built-in <c>Error(string)</c> / <c>Panic(uint256)</c>, whose selector starts the revert data; or null.</summary>
    public AbiError? FindError(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4)
            return null;
        if (_errorsBySelector.TryGetValue(Key(revertData), out var error))
            return error;
        if (AbiError.ErrorString.Matches(revertData))
            return AbiError.ErrorString;
        return AbiError.Panic.Matches(revertData) ? AbiError.Panic : null;
    }

    /// <summary>Decodes call data of one of the functions; null if no function has its selector.</summary>
    public AbiDecodedCall? DecodeCall(ReadOnlySpan<byte> callData) =>
        FindFunction(callData) is { } function ? new AbiDecodedCall(function, function.DecodeInput(callData)) : null;

    /// <summary>Decodes a log of one of the (non-anonymous) events; null if topic 0 matches none.</summary>
    public AbiDecodedEvent? DecodeLog(IReadOnlyList<Hash256> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return topics.Count > 0 && FindEvent(topics[0]) is { } e ? new AbiDecodedEvent(e, e.Decode(topics, data)) : null;
    }

    /// <summary>Decodes revert data of a declared or built-in error; null if the selector matches none.</summary>
    public AbiDecodedError? DecodeError(ReadOnlySpan<byte> revertData) =>
        FindError(revertData) is { } error ? new AbiDecodedError(error, error.Decode(revertData)) : null;

    private static T Lookup<T>(
        IReadOnlyList<T> members, string nameOrSignature, Func<T, string> name, Func<T, string> signature, Func<string, string> normalize, string what)
    {
        ArgumentNullException.ThrowIfNull(nameOrSignature);
        if (nameOrSignature.Contains('(', StringComparison.Ordinal))
        {
            var canonical = normalize(nameOrSignature);
            return members.FirstOrDefault(m => signature(m) == canonical)
                ?? throw new KeyNotFoundException($"no {what} has the signature {canonical}");
        }
        var matches = members.Where(m => name(m) == nameOrSignature).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"no {what} is named '{MessageText.Quote(nameOrSignature)}'"),
            _ => throw new AmbiguousMatchException(
                $"{what} '{nameOrSignature}' is overloaded ({string.Join(", ", matches.Select(signature))}); ask for it by signature"),
        };
    }

    private static bool TryLookup<T>(Func<T> lookup, out T? result)
        where T : class
    {
        try
        {
            result = lookup();
            return true;
        }
        catch (Exception e) when (e is KeyNotFoundException or AmbiguousMatchException or AbiException)
        {
            result = null;
            return false;
        }
    }

    private static uint Key(ReadOnlySpan<byte> selector) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(selector);

    private static List<AbiParameter> Parameters(Dictionary<string, JsonElement> fragment, string property, bool allowIndexed)
    {
        if (!fragment.TryGetValue(property, out var list) || list.ValueKind == JsonValueKind.Null)
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw new AbiException($"'{property}' must be an array, got {JsonRead.Describe(list)}");
        var parameters = new List<AbiParameter>();
        foreach (var element in list.EnumerateArray())
        {
            try
            {
                parameters.Add(Parameter(element, allowIndexed, 0));
            }
            catch (AbiException e)
            {
                e.At(parameters.Count).AtName(property);
                throw;
            }
        }
        return parameters;
    }

    private static AbiParameter Parameter(JsonElement element, bool allowIndexed, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new AbiException($"a parameter is an object, got {JsonRead.Describe(element)}");
        if (depth > AbiTypeParser.MaxNesting)
            throw new AbiException($"tuples nest deeper than {AbiTypeParser.MaxNesting} levels");
        var members = AbiJsonRead.Members(element, "the parameter");
        var name = OptionalString(members, "name") ?? "";
        var typeText = RequiredString(members, "type");
        var hasComponents = members.TryGetValue("components", out var components) && components.ValueKind != JsonValueKind.Null;
        AbiType type;
        if (typeText.StartsWith("tuple", StringComparison.Ordinal))
        {
            if (!hasComponents || components.ValueKind != JsonValueKind.Array)
                throw new AbiException($"'{MessageText.Quote(typeText)}' needs a 'components' array");
            var tupleMembers = new List<AbiParameter>();
            foreach (var component in components.EnumerateArray())
            {
                try
                {
                    tupleMembers.Add(Parameter(component, false, depth + 1));
                }
                catch (AbiException e)
                {
                    e.At(tupleMembers.Count).AtName("components");
                    throw;
                }
            }
            type = AbiTypeParser.ApplySuffixes(new AbiTupleType(tupleMembers), typeText["tuple".Length..]);
        }
        else
        {
            if (hasComponents)
                throw new AbiException($"'{MessageText.Quote(typeText)}' is not a tuple type but has 'components'");
            type = AbiType.Parse(typeText);
        }
        var indexed = OptionalBool(members, "indexed");
        if (indexed && !allowIndexed)
            throw new AbiException("'indexed' is only allowed on event inputs");
        return new AbiParameter(name, type, indexed);
    }

    private static AbiStateMutability Mutability(Dictionary<string, JsonElement> fragment)
    {
        if (OptionalString(fragment, "stateMutability") is { } text)
            return AbiSignature.Mutability(text) ?? throw new AbiException($"unknown stateMutability '{MessageText.Quote(text)}'");
        // Solidity before 0.4.16 wrote "constant" and "payable" flags instead.
        if (OptionalBool(fragment, "payable"))
            return AbiStateMutability.Payable;
        return OptionalBool(fragment, "constant") ? AbiStateMutability.View : AbiStateMutability.NonPayable;
    }

    private static string RequiredString(Dictionary<string, JsonElement> members, string property) =>
        OptionalString(members, property) ?? throw new AbiException($"'{property}' is missing");

    private static string? OptionalString(Dictionary<string, JsonElement> members, string property)
    {
        if (!members.TryGetValue(property, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == JsonValueKind.String
            ? AbiJsonRead.String(value, $"'{property}'")
            : throw new AbiException($"'{property}' must be a string, got {JsonRead.Describe(value)}");
    }

    private static bool OptionalBool(Dictionary<string, JsonElement> members, string property)
    {
        if (!members.TryGetValue(property, out var value) || value.ValueKind == JsonValueKind.Null)
            return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AbiException($"'{property}' must be true or false, got {JsonRead.Describe(value)}"),
        };
    }
}
