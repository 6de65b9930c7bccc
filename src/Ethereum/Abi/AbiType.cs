namespace Photon.Ethereum.Abi;

/// <summary>
/// A Solidity ABI type. Parse type strings with <see cref="Parse"/> (<c>uint256</c>, <c>bytes32</c>,
/// <c>(address,uint256)[]</c>, <c>tuple(bool,string)[2]</c>, …); <see cref="ToString"/> gives the
/// canonical form used in signatures (<c>uint</c> becomes <c>uint256</c>, tuples are written
/// <c>(…)</c>, names are dropped). Two types are equal when their canonical forms are.
/// Zero-sized types (<c>()</c>, <c>T[0]</c>) are refused: Solidity cannot declare them and a
/// decoder could be made to allocate without bound for them.
/// </summary>
public abstract class AbiType : IEquatable<AbiType>
{
    /// <summary>Largest static encoding accepted for one type; keeps size arithmetic far from overflow.</summary>
    public const int MaxStaticSize = 1 << 28;

    private protected AbiType()
    {
    }

    public static AbiUIntType UInt256 { get; } = new(256);
    public static AbiIntType Int256 { get; } = new(256);
    public static AbiUIntType UInt8 { get; } = new(8);
    public static AbiAddressType Address { get; } = new();
    public static AbiBoolType Bool { get; } = new();
    public static AbiBytesType Bytes { get; } = new();
    public static AbiStringType String { get; } = new();
    public static AbiFixedBytesType Bytes32 { get; } = new(32);

    /// <summary>True when the encoding has a variable size and lives in the tail, behind an offset.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Bytes this type takes in the head of an enclosing tuple: its whole encoding if static, a 32-byte offset if dynamic.</summary>
    public abstract int HeadSize { get; }

    /// <summary>True for the types that fit one 32-byte word: integers, address, bool, bytes1..bytes32.</summary>
    public virtual bool IsElementary => false;

    public static AbiUIntType UInt(int bits) => bits == 256 ? UInt256 : new AbiUIntType(bits);

    public static AbiIntType Int(int bits) => bits == 256 ? Int256 : new AbiIntType(bits);

    public static AbiFixedBytesType FixedBytes(int size) => size == 32 ? Bytes32 : new AbiFixedBytesType(size);

    public static AbiArrayType ArrayOf(AbiType element) => new(element);

    public static AbiFixedArrayType FixedArrayOf(AbiType element, int length) => new(element, length);

    public static AbiTupleType Tuple(params AbiType[] components) => new(components.Select(c => new AbiParameter(c)));

    public static AbiTupleType Tuple(params AbiParameter[] components) => new(components);

    /// <summary>
    /// Parses a type string. Whitespace around tokens is allowed and tuple components may carry
    /// names (<c>(address to, uint256 amount)</c>). Throws <see cref="AbiException"/> otherwise.
    /// </summary>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new AbiTypeParser(text);
        var type = parser.ReadType();
        parser.ExpectEnd();
        return type;
    }

    public static bool TryParse(string? text, out AbiType? type)
    {
        type = null;
        if (text is null)
            return false;
        try
        {
            type = Parse(text);
            return true;
        }
        catch (AbiException)
        {
            return false;
        }
    }

    /// <summary>The canonical type string, as in function signatures.</summary>
    public abstract override string ToString();

    public bool Equals(AbiType? other) => other is not null && ToString() == other.ToString();

    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public static bool operator ==(AbiType? left, AbiType? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(AbiType? left, AbiType? right) => !(left == right);
}
