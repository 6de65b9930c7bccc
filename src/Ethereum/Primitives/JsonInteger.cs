using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Photon.Ethereum;

/// <summary>
/// The one rule for integers in JSON input (CLI files, ABI values, transactions, typed data):
/// a JSON number of plain digits up to 2⁵³ − 1, or a string of decimal digits or <c>0x</c> hex,
/// with a leading <c>-</c> only where negatives are allowed. Fractions, exponents and whitespace
/// are refused rather than rounded, and larger JSON numbers are refused because a JavaScript
/// producer may already have rounded them (2⁵³ + 1 arrives as 2⁵³).
/// </summary>
public static class JsonInteger
{
    /// <summary>JavaScript's Number.MAX_SAFE_INTEGER.</summary>
    public const long MaxSafeNumber = (1L << 53) - 1;

    // Longer text cannot be an Ethereum integer (2^256 has 78 decimal digits); refused before parsing.
    private const int MaxDigits = 100;

    private static readonly BigInteger MaxUInt256 = UInt256.MaxValue.ToBigInteger();

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Reads an integer; throws <see cref="FormatException"/> with the reason (callers add context).</summary>
    public static BigInteger Read(JsonElement element, bool allowNegative)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
            {
                var raw = element.GetRawText();
                var value = ParseText(raw, allowNegative, allowHex: false);
                if (BigInteger.Abs(value) > MaxSafeNumber)
                    throw new FormatException($"the JSON number {raw} is beyond 2^53 - 1, where JSON numbers lose precision; write it as a string");
                return value;
            }
            case JsonValueKind.String:
                return ParseText(JsonRead.String(element, (message, inner) => new FormatException(message, inner)), allowNegative, allowHex: true);
            default:
                throw new FormatException($"expected an integer (a JSON number or a decimal or 0x-hex string), got {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    /// <summary>Reads a non-negative integer that fits 256 bits.</summary>
    public static UInt256 ReadUInt256(JsonElement element)
    {
        var value = Read(element, allowNegative: false);
        return value <= MaxUInt256
            ? UInt256.FromBigInteger(value)
            : throw new FormatException($"{MessageText.Quote(element.ToString(), 60)} exceeds 2^256 - 1");
    }

    private static BigInteger ParseText(string text, bool allowNegative, bool allowHex)
    {
        var negative = text.StartsWith('-');
        if (negative && !allowNegative)
            throw new FormatException($"'{MessageText.Quote(text, 60)}' is negative; a non-negative integer is needed");
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        if (allowHex && digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var hex = digits[2..];
            if (hex.Length == 0 || hex.Length > MaxDigits || hex.ContainsAnyExcept(HexDigits))
                throw new FormatException($"'{MessageText.Quote(text, 60)}' is not a hex integer");
            var magnitude = BigInteger.Parse(string.Concat("0", hex), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return negative ? -magnitude : magnitude;
        }
        if (digits.Length == 0 || digits.Length > MaxDigits || digits.ContainsAnyExceptInRange('0', '9'))
            throw new FormatException($"'{MessageText.Quote(text, 60)}' is not an integer: use digits only (no fraction, exponent or spaces), or 0x hex in a string");
        var value = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }
}
