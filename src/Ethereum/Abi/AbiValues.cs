using System.Collections;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Decoded values with their parameters: read by position or by parameter name.
/// Values have the canonical decoded types (see <see cref="AbiCodec"/>).
/// </summary>
public sealed class AbiValues : IReadOnlyList<object?>
{
    private readonly object?[] _values;

    public AbiValues(IReadOnlyList<AbiParameter> parameters, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        if (parameters.Count != values.Length)
            throw new ArgumentException($"{parameters.Count} parameters but {values.Length} values", nameof(values));
        Parameters = parameters;
        _values = values;
    }

    public IReadOnlyList<AbiParameter> Parameters { get; }

    public int Count => _values.Length;

    public object? this[int index] => _values[index];

    /// <summary>The value of the parameter with this name; throws <see cref="KeyNotFoundException"/> if no parameter (or more than one) has it.</summary>
    public object? this[string name] => _values[IndexOf(name)];

    public T Get<T>(int index) => Cast<T>(_values[index], $"value {index}");

    public T Get<T>(string name) => Cast<T>(this[name], $"'{name}'");

    public int IndexOf(string name)
    {
        var found = -1;
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Name != name)
                continue;
            if (found >= 0)
                throw new KeyNotFoundException($"more than one value is named '{name}'");
            found = i;
        }
        return found >= 0 ? found : throw new KeyNotFoundException($"no value is named '{name}' (names: {string.Join(", ", Parameters.Select(p => p.Name))})");
    }

    public object?[] ToArray() => (object?[])_values.Clone();

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    private static T Cast<T>(object? value, string what) =>
        value is T typed ? typed : throw new InvalidCastException($"{what} is {AbiValueConversion.Describe(value)}, not {typeof(T).Name}");
}
