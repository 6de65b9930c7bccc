using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Ethereum;

/// <summary>
/// An unsigned 256-bit integer: token amounts, nonces, block numbers, <c>uint256</c>.
/// Arithmetic is always checked: overflow and underflow throw <see cref="OverflowException"/>
/// rather than wrap, because a wrapped token amount is a lost token.
/// Text: decimal by default (JSON amounts are decimal strings); hex with <c>0x</c> on request.
/// </summary>
[JsonConverter(typeof(UInt256JsonConverter))]
public readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>, IComparable
{
    // Little-endian limbs: value = _u0 + _u1·2^64 + _u2·2^128 + _u3·2^192.
    private readonly ulong _u0, _u1, _u2, _u3;

    public static readonly UInt256 Zero;
    public static readonly UInt256 One = new(1);
    public static readonly UInt256 MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    private static readonly BigInteger MaxBig = (BigInteger.One << 256) - 1;

    public UInt256(ulong u0, ulong u1 = 0, ulong u2 = 0, ulong u3 = 0)
    {
        _u0 = u0;
        _u1 = u1;
        _u2 = u2;
        _u3 = u3;
    }

    public bool IsZero => (_u0 | _u1 | _u2 | _u3) == 0;

    /// <summary>Number of significant bits (0 for zero).</summary>
    public int BitLength =>
        _u3 != 0 ? 256 - BitOperations.LeadingZeroCount(_u3)
        : _u2 != 0 ? 192 - BitOperations.LeadingZeroCount(_u2)
        : _u1 != 0 ? 128 - BitOperations.LeadingZeroCount(_u1)
        : 64 - BitOperations.LeadingZeroCount(_u0);

    public static implicit operator UInt256(ulong value) => new(value);
    public static implicit operator UInt256(uint value) => new(value);

    public static explicit operator UInt256(long value) =>
        value >= 0 ? new((ulong)value) : throw new OverflowException($"{value} is negative; UInt256 is unsigned");

    public static explicit operator UInt256(int value) => (UInt256)(long)value;

    public static explicit operator ulong(UInt256 value) =>
        (value._u1 | value._u2 | value._u3) == 0 ? value._u0 : throw new OverflowException($"{value} does not fit in 64 bits");

    public static explicit operator long(UInt256 value) => checked((long)(ulong)value);

    public static explicit operator int(UInt256 value) => checked((int)(ulong)value);

    public static implicit operator BigInteger(UInt256 value) => value.ToBigInteger();

    public static explicit operator UInt256(BigInteger value) => FromBigInteger(value);

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static UInt256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value > MaxBig)
            throw new OverflowException($"{value} is outside the uint256 range");
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(bytes[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
        return FromBigEndian(bytes);
    }

    /// <summary>Reads up to 32 big-endian bytes (shorter input means leading zeros).</summary>
    public static UInt256 FromBigEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 32)
            throw new ArgumentException($"a uint256 has at most 32 bytes, got {bytes.Length}", nameof(bytes));
        Span<byte> padded = stackalloc byte[32];
        padded.Clear();
        bytes.CopyTo(padded[(32 - bytes.Length)..]);
        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(padded[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(padded[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(padded[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(padded));
    }

    /// <summary>Writes exactly 32 big-endian bytes.</summary>
    public void WriteBigEndian(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _u3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _u2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _u1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _u0);
    }

    public byte[] ToBigEndian()
    {
        var bytes = new byte[32];
        WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>Big-endian bytes without leading zeros (zero is the empty array), as RLP wants.</summary>
    public byte[] ToMinimalBigEndian()
    {
        var full = ToBigEndian();
        var skip = 32 - (BitLength + 7) / 8;
        return full[skip..];
    }

    public static UInt256 operator +(UInt256 a, UInt256 b)
    {
        ulong carry = 0;
        var r0 = AddCarry(a._u0, b._u0, ref carry);
        var r1 = AddCarry(a._u1, b._u1, ref carry);
        var r2 = AddCarry(a._u2, b._u2, ref carry);
        var r3 = AddCarry(a._u3, b._u3, ref carry);
        return carry == 0 ? new UInt256(r0, r1, r2, r3) : throw new OverflowException($"{a} + {b} overflows uint256");
    }

    public static UInt256 operator -(UInt256 a, UInt256 b)
    {
        ulong borrow = 0;
        var r0 = SubBorrow(a._u0, b._u0, ref borrow);
        var r1 = SubBorrow(a._u1, b._u1, ref borrow);
        var r2 = SubBorrow(a._u2, b._u2, ref borrow);
        var r3 = SubBorrow(a._u3, b._u3, ref borrow);
        return borrow == 0 ? new UInt256(r0, r1, r2, r3) : throw new OverflowException($"{a} - {b} is negative");
    }

    public static UInt256 operator *(UInt256 a, UInt256 b)
    {
        Span<ulong> x = [a._u0, a._u1, a._u2, a._u3];
        Span<ulong> y = [b._u0, b._u1, b._u2, b._u3];
        Span<ulong> r = stackalloc ulong[8];
        r.Clear();
        for (var i = 0; i < 4; i++)
        {
            if (x[i] == 0)
                continue;
            ulong carry = 0;
            for (var j = 0; j < 4; j++)
            {
                // x·y + r + carry ≤ (2^64−1)² + 2(2^64−1) = 2^128 − 1: never overflows 128 bits.
                var hi = Math.BigMul(x[i], y[j], out var lo);
                ulong c = 0;
                lo = AddCarry(lo, r[i + j], ref c);
                hi += c;
                c = 0;
                lo = AddCarry(lo, carry, ref c);
                hi += c;
                r[i + j] = lo;
                carry = hi;
            }
            r[i + 4] = carry;
        }
        if ((r[4] | r[5] | r[6] | r[7]) != 0)
            throw new OverflowException($"{a} * {b} overflows uint256");
        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    public static UInt256 operator /(UInt256 a, UInt256 b)
    {
        if (b.IsZero)
            throw new DivideByZeroException();
        if ((a._u1 | a._u2 | a._u3 | b._u1 | b._u2 | b._u3) == 0)
            return new UInt256(a._u0 / b._u0);
        return FromBigInteger(a.ToBigInteger() / b.ToBigInteger());
    }

    public static UInt256 operator %(UInt256 a, UInt256 b)
    {
        if (b.IsZero)
            throw new DivideByZeroException();
        if ((a._u1 | a._u2 | a._u3 | b._u1 | b._u2 | b._u3) == 0)
            return new UInt256(a._u0 % b._u0);
        return FromBigInteger(a.ToBigInteger() % b.ToBigInteger());
    }

    public static UInt256 Min(UInt256 a, UInt256 b) => a <= b ? a : b;
    public static UInt256 Max(UInt256 a, UInt256 b) => a >= b ? a : b;

    /// <summary>a − b, or zero when b ≥ a (for "what is left" computations that must not go negative).</summary>
    public static UInt256 SaturatingSubtract(UInt256 a, UInt256 b) => a > b ? a - b : Zero;

    public bool Equals(UInt256 other) =>
        _u0 == other._u0 && _u1 == other._u1 && _u2 == other._u2 && _u3 == other._u3;

    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_u0, _u1, _u2, _u3);

    public int CompareTo(UInt256 other)
    {
        if (_u3 != other._u3)
            return _u3 < other._u3 ? -1 : 1;
        if (_u2 != other._u2)
            return _u2 < other._u2 ? -1 : 1;
        if (_u1 != other._u1)
            return _u1 < other._u1 ? -1 : 1;
        return _u0.CompareTo(other._u0);
    }

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => CompareTo(other),
        _ => throw new ArgumentException("object is not a UInt256", nameof(obj)),
    };

    public static bool operator ==(UInt256 left, UInt256 right) => left.Equals(right);
    public static bool operator !=(UInt256 left, UInt256 right) => !left.Equals(right);
    public static bool operator <(UInt256 left, UInt256 right) => left.CompareTo(right) < 0;
    public static bool operator >(UInt256 left, UInt256 right) => left.CompareTo(right) > 0;
    public static bool operator <=(UInt256 left, UInt256 right) => left.CompareTo(right) <= 0;
    public static bool operator >=(UInt256 left, UInt256 right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Parses decimal digits, or <c>0x</c> followed by hex digits. No sign, no whitespace, no
    /// exponent: an amount that is not exactly an integer is refused, never rounded.
    /// </summary>
    public static UInt256 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = text.AsSpan(2);
            if (digits.Length == 0)
                throw new FormatException("'0x' has no digits; write 0x0 for zero");
            var trimmed = digits.TrimStart('0');
            if (trimmed.Length > 64)
                throw new FormatException($"'{Hex.Shorten(text)}' exceeds 2^256 - 1");
            foreach (var c in digits)
            {
                if (Hex.Nibble(c) < 0)
                    throw new FormatException($"'{Hex.Shorten(text)}' is not a hex integer");
            }
            Span<byte> bytes = stackalloc byte[32];
            bytes.Clear();
            // Right-align the nibbles into the 32 big-endian bytes.
            for (var i = 0; i < trimmed.Length; i++)
            {
                var nibbleIndex = 64 - trimmed.Length + i;
                var n = Hex.Nibble(trimmed[i]);
                bytes[nibbleIndex / 2] |= (byte)(nibbleIndex % 2 == 0 ? n << 4 : n);
            }
            return FromBigEndian(bytes);
        }
        if (text.Length == 0)
            throw new FormatException("an integer is needed, got an empty string");
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
                throw new FormatException($"'{Hex.Shorten(text)}' is not a non-negative decimal integer");
        }
        // 2^256 - 1 has 78 digits: longer text (after leading zeros) is out of range without parsing it.
        var significant = text.AsSpan().TrimStart('0');
        if (significant.Length > 78)
            throw new FormatException($"'{Hex.Shorten(text)}' exceeds 2^256 - 1");
        var value = significant.Length == 0 ? BigInteger.Zero : BigInteger.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > MaxBig)
            throw new FormatException($"'{Hex.Shorten(text)}' exceeds 2^256 - 1");
        return FromBigInteger(value);
    }

    public static bool TryParse(string? text, out UInt256 value)
    {
        value = default;
        if (text is null)
            return false;
        try
        {
            value = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Decimal text.</summary>
    public override string ToString() =>
        (_u1 | _u2 | _u3) == 0 ? _u0.ToString(CultureInfo.InvariantCulture) : ToBigInteger().ToString(CultureInfo.InvariantCulture);

    /// <summary>JSON-RPC quantity: <c>0x</c> and hex digits without leading zeros (<c>0x0</c> for zero).</summary>
    public string ToHexString()
    {
        if (IsZero)
            return "0x0";
        var hex = Convert.ToHexStringLower(ToMinimalBigEndian());
        return "0x" + (hex[0] == '0' ? hex[1..] : hex);
    }

    private static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        var sum = a + b;
        var c1 = sum < a ? 1UL : 0UL;
        var result = sum + carry;
        var c2 = result < sum ? 1UL : 0UL;
        carry = c1 + c2;
        return result;
    }

    private static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var diff = a - b;
        var b1 = a < b ? 1UL : 0UL;
        var result = diff - borrow;
        var b2 = diff < borrow ? 1UL : 0UL;
        borrow = b1 + b2;
        return result;
    }
}

/// <summary>
/// JSON: written as a decimal string; read by the one JSON integer rule (<see cref="JsonInteger"/>):
/// a decimal or 0x-hex string, or a plain-digit JSON number up to 2^53 - 1.
/// </summary>
public sealed class UInt256JsonConverter : JsonConverter<UInt256>
{
    public override UInt256 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // ParseValue copes with tokens split across buffers (ValueSequence), which reading ValueSpan does not.
        var element = JsonElement.ParseValue(ref reader);
        try
        {
            return JsonInteger.ReadUInt256(element);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, UInt256 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
