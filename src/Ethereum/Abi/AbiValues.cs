using System.Collections;
using System.Numerics;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Decoded values with their parameters: read by position or by parameter name. The indexers
/// give the canonical decoded forms (see <see cref="AbiCodec"/>); the typed accessors
/// (<see cref="GetUInt256(int)"/>, <see cref="GetUInt64(int)"/>, <see cref="GetHash256(int)"/>, …)
/// convert them to what callers use.
/// <para>Accessor errors: <see cref="InvalidCastException"/> when the parameter's ABI type can never
/// give the requested .NET type (an <c>address</c> read as an integer, a <c>bytes16</c> read as a
/// <see cref="Hash256"/>): a mistake in the calling code that does not depend on the data.
/// <see cref="AbiException"/> when this particular value does not fit (a <c>uint256</c> above
/// 2⁶⁴ − 1 read with <see cref="GetUInt64(int)"/>): the data is not what the caller can accept, to be
/// handled like malformed data.</para>
/// <para>Equality is by value: the same parameters and structurally equal values (byte arrays by
/// content, arrays and tuples element by element).</para>
/// </summary>
public sealed class AbiValues : IReadOnlyList<object?>, IEquatable<AbiValues>
{
    private readonly AbiParameter[] _parameters;
    private readonly object?[] _values;

    /// <summary>Pairs values with their parameters; both lists are copied (the values themselves are not).</summary>
    public AbiValues(IReadOnlyList<AbiParameter> parameters, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (parameters.Count != values.Length)
            throw new ArgumentException($"{parameters.Count} parameters but {values.Length} values", nameof(values));
        _parameters = [.. parameters];
        if (Array.IndexOf(_parameters, null) >= 0)
            throw new ArgumentException("a parameter is null", nameof(parameters));
        _values = (object?[])values.Clone();
        Parameters = Array.AsReadOnly(_parameters);
    }

    public IReadOnlyList<AbiParameter> Parameters { get; }

    public int Count => _values.Length;

    public object? this[int index] => _values[index];

    /// <summary>The value of the parameter with this name; throws <see cref="KeyNotFoundException"/> if no parameter (or more than one) has it.</summary>
    public object? this[string name] => _values[IndexOf(name)];

    public static bool operator ==(AbiValues? left, AbiValues? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(AbiValues? left, AbiValues? right) => !(left == right);

    /// <summary>
    /// The value as <typeparamref name="T"/>: for <see cref="UInt256"/>, <see cref="BigInteger"/>,
    /// <see cref="ulong"/>, <see cref="long"/>, <see cref="int"/>, <see cref="Address"/>,
    /// <see cref="Hash256"/>, <c>byte[]</c>, <see cref="string"/> and <see cref="bool"/> through the
    /// converting accessor of that type; any other type by a plain cast of the decoded value.
    /// </summary>
    public T Get<T>(int index)
    {
        CheckIndex(index);
        if (typeof(T) == typeof(UInt256))
            return (T)(object)GetUInt256(index);
        if (typeof(T) == typeof(BigInteger))
            return (T)(object)GetBigInteger(index);
        if (typeof(T) == typeof(ulong))
            return (T)(object)GetUInt64(index);
        if (typeof(T) == typeof(long))
            return (T)(object)GetInt64(index);
        if (typeof(T) == typeof(int))
            return (T)(object)GetInt32(index);
        if (typeof(T) == typeof(Address))
            return (T)(object)GetAddress(index);
        if (typeof(T) == typeof(Hash256))
            return (T)(object)GetHash256(index);
        if (typeof(T) == typeof(byte[]))
            return (T)(object)GetBytes(index);
        if (typeof(T) == typeof(string))
            return (T)(object)GetString(index);
        if (typeof(T) == typeof(bool))
            return (T)(object)GetBool(index);
        return _values[index] is T typed ? typed : throw NotConvertible(index, typeof(T).Name);
    }

    public T Get<T>(string name) => Get<T>(IndexOf(name));

    /// <summary>Any integer parameter (<c>uint&lt;M&gt;</c> or <c>int&lt;M&gt;</c>) whose value is not negative.</summary>
    public UInt256 GetUInt256(int index)
    {
        if (_values[CheckIndex(index)] is UInt256 value && _parameters[index].Type is AbiUIntType or AbiIntType)
            return value;
        var integer = Integer(index);
        return integer.Sign >= 0 && integer <= UInt256.MaxValue.ToBigInteger()
            ? UInt256.FromBigInteger(integer)
            : throw DoesNotFit(index, integer, "a UInt256");
    }

    public UInt256 GetUInt256(string name) => GetUInt256(IndexOf(name));

    /// <summary>Any integer parameter, signed or not.</summary>
    public BigInteger GetBigInteger(int index) => Integer(index);

    public BigInteger GetBigInteger(string name) => GetBigInteger(IndexOf(name));

    /// <summary>Any integer parameter whose value is from 0 to 2⁶⁴ − 1 (nonces, timestamps, block numbers).</summary>
    public ulong GetUInt64(int index)
    {
        var integer = Integer(index);
        return integer >= ulong.MinValue && integer <= ulong.MaxValue ? (ulong)integer : throw DoesNotFit(index, integer, "a ulong");
    }

    public ulong GetUInt64(string name) => GetUInt64(IndexOf(name));

    /// <summary>Any integer parameter whose value fits a <see cref="long"/>.</summary>
    public long GetInt64(int index)
    {
        var integer = Integer(index);
        return integer >= long.MinValue && integer <= long.MaxValue ? (long)integer : throw DoesNotFit(index, integer, "a long");
    }

    public long GetInt64(string name) => GetInt64(IndexOf(name));

    /// <summary>Any integer parameter whose value fits an <see cref="int"/> (a <c>uint8</c> always does).</summary>
    public int GetInt32(int index)
    {
        var integer = Integer(index);
        return integer >= int.MinValue && integer <= int.MaxValue ? (int)integer : throw DoesNotFit(index, integer, "an int");
    }

    public int GetInt32(string name) => GetInt32(IndexOf(name));

    /// <summary>An <c>address</c> parameter.</summary>
    public Address GetAddress(int index)
    {
        CheckIndex(index);
        return _parameters[index].Type is AbiAddressType && _values[index] is Address address
            ? address
            : throw NotConvertible(index, "an Address");
    }

    public Address GetAddress(string name) => GetAddress(IndexOf(name));

    /// <summary>
    /// A <c>bytes32</c> parameter, or an indexed event input of a hashed type (<c>string</c>,
    /// <c>bytes</c>, array, tuple), whose log holds only the keccak256 hash.
    /// </summary>
    public Hash256 GetHash256(int index)
    {
        CheckIndex(index);
        if (IsTopicHash(index))
            return (Hash256)_values[index]!;
        return _values[index] switch
        {
            byte[] { Length: Hash256.Length } bytes when _parameters[index].Type is AbiFixedBytesType { Size: 32 } => new Hash256(bytes),
            Hash256 hash when _parameters[index].Type is AbiFixedBytesType { Size: 32 } => hash,
            _ => throw NotConvertible(index, "a Hash256 (only bytes32 and hashed indexed event inputs are)"),
        };
    }

    public Hash256 GetHash256(string name) => GetHash256(IndexOf(name));

    /// <summary>A copy of the bytes of a <c>bytes</c> or <c>bytes&lt;M&gt;</c> parameter.</summary>
    public byte[] GetBytes(int index)
    {
        CheckIndex(index);
        if (IsTopicHash(index))
            throw NotConvertible(index, "bytes", HashedHint(index));
        return _parameters[index].Type is AbiBytesType or AbiFixedBytesType && _values[index] is byte[] bytes
            ? (byte[])bytes.Clone()
            : throw NotConvertible(index, "bytes");
    }

    public byte[] GetBytes(string name) => GetBytes(IndexOf(name));

    /// <summary>A <c>string</c> parameter.</summary>
    public string GetString(int index)
    {
        CheckIndex(index);
        if (IsTopicHash(index))
            throw NotConvertible(index, "a string", HashedHint(index));
        return _parameters[index].Type is AbiStringType && _values[index] is string text
            ? text
            : throw NotConvertible(index, "a string");
    }

    public string GetString(string name) => GetString(IndexOf(name));

    /// <summary>A <c>bool</c> parameter.</summary>
    public bool GetBool(int index)
    {
        CheckIndex(index);
        return _parameters[index].Type is AbiBoolType && _values[index] is bool value
            ? value
            : throw NotConvertible(index, "a bool");
    }

    public bool GetBool(string name) => GetBool(IndexOf(name));

    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = -1;
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].Name != name)
                continue;
            if (found >= 0)
                throw new KeyNotFoundException($"more than one value is named '{MessageText.Quote(name)}'");
            found = i;
        }
        return found >= 0
            ? found
            : throw new KeyNotFoundException($"no value is named '{MessageText.Quote(name)}' (names: {string.Join(", ", _parameters.Select(p => p.Name))})");
    }

    public object?[] ToArray() => (object?[])_values.Clone();

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    public bool Equals(AbiValues? other)
    {
        if (other is null || other._values.Length != _values.Length || !_parameters.SequenceEqual(other._parameters))
            return false;
        for (var i = 0; i < _values.Length; i++)
        {
            if (!AbiValueEquality.Equal(_values[i], other._values[i]))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as AbiValues);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var parameter in _parameters)
            hash.Add(parameter);
        foreach (var value in _values)
            hash.Add(AbiValueEquality.Hash(value));
        return hash.ToHashCode();
    }

    /// <summary>The values by name, for logs and test failures: <c>(to: 0x5aAe…, amount: 5)</c>.</summary>
    public override string ToString() =>
        "(" + string.Join(", ", _parameters.Select((p, i) => (p.Name.Length > 0 ? p.Name + ": " : "") + Format(_values[i]))) + ")";

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Hex.Encode(bytes),
        string text => '"' + MessageText.Escape(text) + '"',
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };

    private int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _values.Length);
        return index;
    }

    // An indexed string, bytes, array or tuple: the log holds only keccak256 of it.
    private bool IsTopicHash(int index) => !_parameters[index].Type.IsElementary && _values[index] is Hash256;

    private BigInteger Integer(int index)
    {
        CheckIndex(index);
        if (_parameters[index].Type is not (AbiUIntType or AbiIntType))
            throw NotConvertible(index, "an integer");
        return _values[index] switch
        {
            UInt256 u => u.ToBigInteger(),
            BigInteger b => b,
            sbyte or short or int or long => Convert.ToInt64(_values[index], System.Globalization.CultureInfo.InvariantCulture),
            byte or ushort or uint or ulong => Convert.ToUInt64(_values[index], System.Globalization.CultureInfo.InvariantCulture),
            _ => throw NotConvertible(index, "an integer"),
        };
    }

    private string Describe(int index)
    {
        var parameter = _parameters[index];
        return parameter.Name.Length > 0 ? $"'{parameter.Name}' ({parameter.Type})" : $"value {index} ({parameter.Type})";
    }

    private InvalidCastException NotConvertible(int index, string target, string? hint = null) =>
        new($"{Describe(index)} is {AbiValueConversion.Describe(_values[index])}, which cannot be read as {target}" + (hint is null ? "" : "; " + hint));

    private string HashedHint(int index) =>
        $"an indexed {_parameters[index].Type} input is only a keccak256 hash in the log; read it with {nameof(GetHash256)}";

    private AbiException DoesNotFit(int index, BigInteger value, string target) =>
        new($"{Describe(index)} is {value}, which does not fit in {target}");
}
