using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Accepts the C# values callers pass for each ABI type, checks them against the type, and
/// writes 32-byte words. Integers are range-checked to the type's width, never truncated.
/// </summary>
internal static class AbiValueConversion
{
    /// <summary>UTF-8 that refuses lone surrogates and invalid bytes instead of substituting U+FFFD.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    public static UInt256 ToUnsigned(object? value, AbiUIntType type)
    {
        UInt256 result;
        switch (value)
        {
            case UInt256 u: result = u; break;
            case byte b: result = b; break;
            case ushort us: result = us; break;
            case uint ui: result = ui; break;
            case ulong ul: result = ul; break;
            case sbyte or short or int or long:
                var signed = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                result = signed >= 0 ? (UInt256)signed : throw new AbiException($"{signed} is negative; {type} is unsigned");
                break;
            case BigInteger big:
                result = big.Sign >= 0 && big < TwoTo256 ? UInt256.FromBigInteger(big) : throw new AbiException($"{big} does not fit in {type}");
                break;
            default:
                throw Mismatch(value, type, "an unsigned integer (UInt256, ulong, uint, int, long, BigInteger, …)");
        }
        if (result.BitLength > type.Bits)
            throw new AbiException($"{result} does not fit in {type}");
        return result;
    }

    public static BigInteger ToSigned(object? value, AbiIntType type)
    {
        BigInteger result = value switch
        {
            BigInteger big => big,
            UInt256 u => u.ToBigInteger(),
            sbyte or short or int or long => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            byte or ushort or uint or ulong => Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw Mismatch(value, type, "an integer (BigInteger, long, int, UInt256, …)"),
        };
        var limit = BigInteger.One << (type.Bits - 1);
        if (result >= limit || result < -limit)
            throw new AbiException($"{result} does not fit in {type} (range -2^{type.Bits - 1} to 2^{type.Bits - 1} - 1)");
        return result;
    }

    public static Address ToAddress(object? value) =>
        value is Address address ? address : throw Mismatch(value, AbiType.Address, "an Address");

    public static bool ToBool(object? value) =>
        value is bool b ? b : throw Mismatch(value, AbiType.Bool, "a bool");

    /// <summary>Bytes for <c>bytes</c> and <c>bytes&lt;M&gt;</c>; a <see cref="Hash256"/> is accepted for bytes32.</summary>
    public static ReadOnlyMemory<byte> ToBytes(object? value, AbiType type) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => memory,
        ArraySegment<byte> segment => segment,
        Hash256 hash when type is AbiFixedBytesType { Size: 32 } => hash.ToArray(),
        _ => throw Mismatch(value, type, type is AbiFixedBytesType { Size: 32 } ? "a byte[] (or a Hash256)" : "a byte[]"),
    };

    public static ReadOnlyMemory<byte> ToFixedBytes(object? value, AbiFixedBytesType type)
    {
        var bytes = ToBytes(value, type);
        return bytes.Length == type.Size ? bytes : throw new AbiException($"{type} needs exactly {type.Size} bytes, got {bytes.Length}");
    }

    public static string ToText(object? value) =>
        value is string text ? text : throw Mismatch(value, AbiType.String, "a string");

    public static byte[] ToUtf8(object? value)
    {
        var text = ToText(value);
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException e)
        {
            throw new AbiException("string holds a lone surrogate and has no UTF-8 form", e);
        }
    }

    /// <summary>
    /// Arrays and tuples: any list, array (including arrays of value types), sequence or C# tuple,
    /// read exactly once into a new array that the caller owns (a lazy sequence read twice may
    /// differ, and so may a list changed in between).
    /// </summary>
    public static object?[] ToArray(object? value, AbiType type) => value switch
    {
        ITuple tuple => [.. Enumerable.Range(0, tuple.Length).Select(i => tuple[i])],
        IEnumerable sequence and not string => [.. sequence.Cast<object?>()],
        _ => throw Mismatch(value, type, "a list or array of values"),
    };

    /// <summary>The 32-byte word of an elementary value: integers big-endian (signed ones sign-extended), bytesN left-aligned.</summary>
    public static void WriteWord(AbiType type, object? value, Span<byte> word)
    {
        word = word[..32];
        switch (type)
        {
            case AbiUIntType u:
                ToUnsigned(value, u).WriteBigEndian(word);
                break;
            case AbiIntType i:
                var signed = ToSigned(value, i);
                UInt256.FromBigInteger(signed.Sign < 0 ? TwoTo256 + signed : signed).WriteBigEndian(word);
                break;
            case AbiAddressType:
                word[..12].Clear();
                ToAddress(value).WriteTo(word[12..]);
                break;
            case AbiBoolType:
                word.Clear();
                word[31] = ToBool(value) ? (byte)1 : (byte)0;
                break;
            case AbiFixedBytesType f:
                word.Clear();
                ToFixedBytes(value, f).Span.CopyTo(word);
                break;
            default:
                throw new InvalidOperationException($"{type} is not an elementary type");
        }
    }

    public static AbiException Mismatch(object? value, AbiType type, string expected) =>
        new($"{type} needs {expected}, got {Describe(value)}");

    public static string Describe(object? value)
    {
        if (value is null)
            return "null";
        return $"{value.GetType().Name} '{MessageText.Quote(value.ToString() ?? "", 60)}'";
    }

    public static long Padded(long length) => (length + 31) / 32 * 32;
}
