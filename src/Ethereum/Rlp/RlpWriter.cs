namespace Photon.Ethereum.Rlp;

/// <summary>
/// Builds an RLP encoding directly, without an item tree: write values in order, bracket lists
/// with <see cref="StartList"/> / <see cref="EndList"/>, then take <see cref="ToArray"/>.
/// A list's header length depends on its payload length, so <see cref="EndList"/> writes the
/// header in front of the payload once the payload is complete (shifting it by the header size).
/// Not thread-safe; reusable after <see cref="Reset"/>.
/// </summary>
public sealed class RlpWriter
{
    private byte[] _buffer;
    private int _length;
    private readonly Stack<int> _openLists = new();

    public RlpWriter(int initialCapacity = 256) =>
        _buffer = new byte[Math.Max(16, initialCapacity)];

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    public RlpWriter WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Rlp.WriteString(bytes, Reserve(Rlp.StringEncodedLength(bytes)));
        return this;
    }

    /// <summary>An unsigned integer: minimal big-endian bytes, zero as the empty string.</summary>
    public RlpWriter Write(UInt256 value)
    {
        Span<byte> full = stackalloc byte[32];
        value.WriteBigEndian(full);
        return WriteBytes(full[(32 - (value.BitLength + 7) / 8)..]);
    }

    public RlpWriter Write(ulong value) => Write((UInt256)value);

    public RlpWriter Write(Address address)
    {
        Span<byte> bytes = stackalloc byte[Address.Length];
        address.WriteTo(bytes);
        return WriteBytes(bytes);
    }

    /// <summary>An optional address: <c>null</c> is the empty string (the "to" of a contract creation).</summary>
    public RlpWriter Write(Address? address) => address is { } a ? Write(a) : WriteBytes([]);

    public RlpWriter Write(Hash256 hash)
    {
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        hash.WriteTo(bytes);
        return WriteBytes(bytes);
    }

    public RlpWriter Write(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.WriteTo(Reserve(item.EncodedLength));
        return this;
    }

    /// <summary>
    /// Appends bytes that already are the encoding of one item (for example a signed transaction
    /// embedded in a list). The bytes are trusted, not checked: pass only what an encoder produced.
    /// </summary>
    public RlpWriter WriteEncoded(ReadOnlySpan<byte> encodedItem)
    {
        encodedItem.CopyTo(Reserve(encodedItem.Length));
        return this;
    }

    public RlpWriter StartList()
    {
        _openLists.Push(_length);
        return this;
    }

    public RlpWriter EndList()
    {
        if (!_openLists.TryPop(out var start))
            throw new InvalidOperationException("EndList without a matching StartList");
        var payloadLength = _length - start;
        var headerLength = Rlp.HeaderLength(payloadLength);
        Reserve(headerLength);
        _buffer.AsSpan(start, payloadLength).CopyTo(_buffer.AsSpan(start + headerLength));
        Rlp.WriteHeader(_buffer.AsSpan(start), Rlp.ListOffset, payloadLength);
        return this;
    }

    public byte[] ToArray()
    {
        if (_openLists.Count > 0)
            throw new InvalidOperationException($"{_openLists.Count} list(s) still open");
        return _buffer.AsSpan(0, _length).ToArray();
    }

    public void Reset()
    {
        _length = 0;
        _openLists.Clear();
    }

    // Grows the buffer, marks `count` more bytes as written and returns them for filling.
    private Span<byte> Reserve(int count)
    {
        var needed = (long)_length + count;
        if (needed > _buffer.Length)
        {
            if (needed > Array.MaxLength)
                throw new InvalidOperationException("RLP output exceeds the largest array");
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _buffer.Length)));
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
