namespace Photon.Ethereum.Rlp;

/// <summary>
/// A decoded or to-be-encoded RLP item: either a byte string (<see cref="RlpString"/>) or a list
/// of items (<see cref="RlpList"/>). Items are immutable and compare by content.
/// The <c>To…</c> helpers read an item as a typed value and enforce the canonical forms that
/// Ethereum requires (no leading zeros in integers, exact lengths), throwing <see cref="RlpException"/>.
/// </summary>
public abstract class RlpItem : IEquatable<RlpItem>
{
    private protected RlpItem()
    {
    }

    /// <summary>The empty byte string: zero, an absent address (contract creation), empty data.</summary>
    public static RlpString Empty { get; } = new([]);

    /// <summary>The empty list.</summary>
    public static RlpList EmptyList { get; } = new(Array.Empty<RlpItem>());

    public bool IsList => this is RlpList;

    /// <summary>Number of bytes this item takes when encoded.</summary>
    public abstract int EncodedLength { get; }

    public static RlpString Of(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? Empty : new RlpString(bytes.ToArray());

    /// <summary>An unsigned integer: minimal big-endian bytes, zero as the empty string.</summary>
    public static RlpString Of(UInt256 value) => value.IsZero ? Empty : new RlpString(value.ToMinimalBigEndian());

    public static RlpString Of(ulong value) => Of((UInt256)value);

    public static RlpString Of(Address address) => new(address.ToArray());

    public static RlpString Of(Hash256 hash) => new(hash.ToArray());

    /// <summary>An optional address: <c>null</c> encodes as the empty string (the "to" of a contract creation).</summary>
    public static RlpString Of(Address? address) => address is { } a ? Of(a) : Empty;

    public static RlpList List(params RlpItem[] items) => new((RlpItem[])items.Clone());

    public static RlpList List(IEnumerable<RlpItem> items) => new([.. items]);

    public RlpString AsString() =>
        this as RlpString ?? throw new RlpException("expected an RLP string, found a list");

    public RlpList AsList() =>
        this as RlpList ?? throw new RlpException("expected an RLP list, found a string");

    /// <summary>The bytes of a string item (a copy).</summary>
    public byte[] ToBytes() => AsString().ToArray();

    /// <summary>A canonical unsigned integer: at most 32 bytes, no leading zero byte (zero is empty).</summary>
    public UInt256 ToUInt256()
    {
        var bytes = AsString().Span;
        if (bytes.Length > 32)
            throw new RlpException($"an RLP integer has at most 32 bytes, got {bytes.Length}");
        if (bytes.Length > 0 && bytes[0] == 0)
            throw new RlpException("an RLP integer must not have leading zero bytes");
        return UInt256.FromBigEndian(bytes);
    }

    /// <summary>A canonical unsigned integer that fits in 64 bits (nonces, gas, chain ids).</summary>
    public ulong ToUInt64()
    {
        var value = ToUInt256();
        return value.BitLength <= 64 ? (ulong)value : throw new RlpException($"RLP integer {value} does not fit in 64 bits");
    }

    /// <summary>Exactly 20 bytes.</summary>
    public Address ToAddress()
    {
        var bytes = AsString().Span;
        return bytes.Length == Address.Length
            ? new Address(bytes)
            : throw new RlpException($"an RLP address has {Address.Length} bytes, got {bytes.Length}");
    }

    /// <summary>Exactly 20 bytes, or the empty string for "no address" (contract creation).</summary>
    public Address? ToOptionalAddress() => AsString().Length == 0 ? null : ToAddress();

    /// <summary>Exactly 32 bytes.</summary>
    public Hash256 ToHash256()
    {
        var bytes = AsString().Span;
        return bytes.Length == Hash256.Length
            ? new Hash256(bytes)
            : throw new RlpException($"an RLP hash has {Hash256.Length} bytes, got {bytes.Length}");
    }

    /// <summary>Appends this item's encoding; <paramref name="destination"/> must hold <see cref="EncodedLength"/> bytes.</summary>
    internal abstract int WriteTo(Span<byte> destination);

    public abstract bool Equals(RlpItem? other);

    public override bool Equals(object? obj) => obj is RlpItem other && Equals(other);

    public abstract override int GetHashCode();

    public static bool operator ==(RlpItem? left, RlpItem? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(RlpItem? left, RlpItem? right) => !(left == right);
}
