namespace Photon.Ethereum.Rlp;

/// <summary>An RLP byte string. Owns a private copy of its bytes.</summary>
public sealed class RlpString : RlpItem
{
    private readonly byte[] _bytes;

    /// <summary>Takes ownership of <paramref name="bytes"/>: callers pass a fresh array.</summary>
    internal RlpString(byte[] bytes) => _bytes = bytes;

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Span => _bytes;

    public ReadOnlyMemory<byte> Memory => _bytes;

    public override int EncodedLength => Rlp.StringEncodedLength(_bytes);

    public byte[] ToArray() => (byte[])_bytes.Clone();

    internal override int WriteTo(Span<byte> destination) => Rlp.WriteString(_bytes, destination);

    public override bool Equals(RlpItem? other) => other is RlpString s && s._bytes.AsSpan().SequenceEqual(_bytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    public override string ToString() => Hex.Encode(_bytes);
}
