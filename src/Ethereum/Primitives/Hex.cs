namespace Photon.Ethereum;

/// <summary>
/// Hexadecimal text as Ethereum uses it: lowercase on output with a <c>0x</c> prefix;
/// on input the prefix is optional, case is free, and the digit count must be even.
/// </summary>
public static class Hex
{
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true) =>
        prefix ? "0x" + Convert.ToHexStringLower(bytes) : Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex text; throws <see cref="HexFormatException"/> with the reason.</summary>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = StripPrefix(text);
        if (digits.Length % 2 != 0)
            throw new HexFormatException($"hex text has an odd number of digits ({digits.Length}): '{Shorten(text)}'");
        var result = new byte[digits.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            var hi = Nibble(digits[2 * i]);
            var lo = Nibble(digits[2 * i + 1]);
            if ((hi | lo) < 0)
                throw new HexFormatException($"'{Shorten(text)}' is not hex: bad character at position {IndexOfBad(text)}");
            result[i] = (byte)((hi << 4) | lo);
        }
        return result;
    }

    /// <summary>Decodes hex text that must hold exactly <paramref name="length"/> bytes.</summary>
    public static byte[] Decode(string text, int length)
    {
        var bytes = Decode(text);
        if (bytes.Length != length)
            throw new HexFormatException($"expected {length} bytes of hex, got {bytes.Length}: '{Shorten(text)}'");
        return bytes;
    }

    /// <summary>
    /// Decodes hex that must carry the <c>0x</c> prefix, as JSON values, RPC data and typed data do
    /// (a bare "1234" there is more likely a decimal number written in the wrong place than hex).
    /// </summary>
    public static byte[] DecodePrefixed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            throw new HexFormatException($"expected 0x-prefixed hex, got '{Shorten(text)}'");
        return Decode(text);
    }

    /// <summary>A JSON-RPC quantity: <c>0x</c> and hex digits without leading zeros (<c>0x0</c> for zero).</summary>
    public static string Quantity(ulong value) => "0x" + value.ToString("x");

    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
            return false;
        try
        {
            bytes = Decode(text);
            return true;
        }
        catch (HexFormatException)
        {
            return false;
        }
    }

    internal static ReadOnlySpan<char> StripPrefix(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(2) : text.AsSpan();

    internal static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    internal static string Shorten(string text) => MessageText.Quote(text);

    private static int IndexOfBad(string text)
    {
        var start = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        for (var i = start; i < text.Length; i++)
        {
            if (Nibble(text[i]) < 0)
                return i;
        }
        return -1;
    }
}
