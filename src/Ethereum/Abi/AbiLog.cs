using System.Collections.ObjectModel;

namespace Photon.Ethereum.Abi;

/// <summary>
/// The topics and data of an event log, as a node stores them. Immutable (both are copied on the
/// way in) and compared by content: two logs with the same topics and data are equal.
/// </summary>
public sealed record AbiLog
{
    private readonly ReadOnlyCollection<Hash256> _topics;
    private readonly ReadOnlyMemory<byte> _data;

    public AbiLog(IReadOnlyList<Hash256> topics, ReadOnlyMemory<byte> data)
    {
        _topics = Copy(topics);
        _data = data.ToArray();
    }

    public IReadOnlyList<Hash256> Topics
    {
        get => _topics;
        init => _topics = Copy(value);
    }

    public ReadOnlyMemory<byte> Data
    {
        get => _data;
        init => _data = value.ToArray();
    }

    public void Deconstruct(out IReadOnlyList<Hash256> topics, out ReadOnlyMemory<byte> data)
    {
        topics = Topics;
        data = Data;
    }

    public bool Equals(AbiLog? other) =>
        other is not null && _topics.SequenceEqual(other._topics) && _data.Span.SequenceEqual(other._data.Span);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var topic in _topics)
            hash.Add(topic);
        hash.AddBytes(_data.Span);
        return hash.ToHashCode();
    }

    public override string ToString() => $"AbiLog {{ Topics = [{string.Join(", ", _topics)}], Data = {Hex.Encode(_data.Span)} }}";

    private static ReadOnlyCollection<Hash256> Copy(IReadOnlyList<Hash256> topics) =>
        Array.AsReadOnly([.. topics ?? throw new ArgumentNullException(nameof(topics))]);
}
