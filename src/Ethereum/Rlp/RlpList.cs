using System.Collections;

namespace Photon.Ethereum.Rlp;

/// <summary>An RLP list of items.</summary>
public sealed class RlpList : RlpItem, IReadOnlyList<RlpItem>
{
    private readonly RlpItem[] _items;

    // Payload length is computed on first use; items are immutable so the cache never goes stale.
    private int _payloadLength = -1;

    /// <summary>Takes ownership of <paramref name="items"/>: callers pass a fresh array.</summary>
    internal RlpList(RlpItem[] items) => _items = items;

    public int Count => _items.Length;

    public RlpItem this[int index] => _items[index];

    public override int EncodedLength => Rlp.HeaderLength(PayloadLength) + PayloadLength;

    internal int PayloadLength
    {
        get
        {
            if (_payloadLength < 0)
            {
                long sum = 0;
                foreach (var item in _items)
                    sum += item.EncodedLength;
                _payloadLength = sum <= Array.MaxLength ? (int)sum : throw new RlpException($"an RLP list of {sum} bytes is too large to encode");
            }
            return _payloadLength;
        }
    }

    /// <summary>Checks the list has exactly <paramref name="count"/> items, as fixed-shape structures (transactions) need.</summary>
    public RlpList ExpectCount(int count, string what) =>
        _items.Length == count ? this : throw new RlpException($"{what} must have {count} RLP items, got {_items.Length}");

    internal override int WriteTo(Span<byte> destination)
    {
        var written = Rlp.WriteHeader(destination, Rlp.ListOffset, PayloadLength);
        foreach (var item in _items)
            written += item.WriteTo(destination[written..]);
        return written;
    }

    public IEnumerator<RlpItem> GetEnumerator() => ((IEnumerable<RlpItem>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override bool Equals(RlpItem? other)
    {
        if (other is not RlpList list || list._items.Length != _items.Length)
            return false;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!_items[i].Equals(list._items[i]))
                return false;
        }
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_items.Length);
        foreach (var item in _items)
            hash.Add(item.GetHashCode());
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items.Select(i => i.ToString())) + "]";
}
