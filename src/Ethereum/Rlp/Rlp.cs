using System.Buffers.Binary;

namespace Photon.Ethereum.Rlp;

/// <summary>
/// Recursive Length Prefix, the Ethereum serialization of nested byte strings (yellow paper,
/// appendix B). Encoding is canonical by construction. Decoding is strict: it accepts exactly
/// the canonical encoding of one item and refuses anything else (trailing bytes, truncation,
/// long forms where a short form fits, length-of-length with leading zeros, a single byte
/// below 0x80 wrapped in a string header, nesting deeper than <see cref="MaxDepth"/>), so that
/// every accepted input has one meaning and re-encodes to the same bytes.
/// </summary>
public static class Rlp
{
    /// <summary>Deepest list nesting the decoder accepts. Ethereum structures nest a handful of levels.</summary>
    public const int MaxDepth = 256;

    internal const byte StringOffset = 0x80;
    internal const byte ListOffset = 0xc0;

    // Payloads shorter than this use a one-byte header (offset + length).
    private const int ShortLimit = 56;

    public static byte[] Encode(RlpItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var output = new byte[item.EncodedLength];
        item.WriteTo(output);
        return output;
    }

    /// <summary>Encodes one byte string.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var output = new byte[StringEncodedLength(bytes)];
        WriteString(bytes, output);
        return output;
    }

    /// <summary>Encodes an unsigned integer (minimal big-endian; zero is the empty string).</summary>
    public static byte[] Encode(UInt256 value) => EncodeBytes(value.ToMinimalBigEndian());

    /// <summary>Decodes exactly one item that spans all of <paramref name="input"/>.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
            throw new RlpException("RLP input is empty", 0);
        var position = 0;
        var item = ReadItem(input, ref position, input.Length, 0);
        if (position != input.Length)
            throw new RlpException($"{input.Length - position} trailing bytes after the RLP item", position);
        return item;
    }

    private static RlpItem ReadItem(ReadOnlySpan<byte> input, ref int position, int end, int depth)
    {
        var start = position;
        var (isList, payloadLength) = ReadHeader(input, ref position, end);
        if (!isList)
        {
            var bytes = input.Slice(position, payloadLength).ToArray();
            position += payloadLength;
            return bytes.Length == 0 ? RlpItem.Empty : new RlpString(bytes);
        }
        if (depth >= MaxDepth)
            throw new RlpException($"RLP lists nest deeper than {MaxDepth} levels", start);
        var payloadEnd = position + payloadLength;
        var items = new List<RlpItem>();
        while (position < payloadEnd)
            items.Add(ReadItem(input, ref position, payloadEnd, depth + 1));
        return items.Count == 0 ? RlpItem.EmptyList : new RlpList([.. items]);
    }

    /// <summary>
    /// Reads one header at <paramref name="position"/> (which it advances past the header) and
    /// checks that the payload fits before <paramref name="end"/>. For a single byte below 0x80
    /// the "payload" is that byte itself and the position is left on it.
    /// </summary>
    private static (bool IsList, int PayloadLength) ReadHeader(ReadOnlySpan<byte> input, ref int position, int end)
    {
        var headerAt = position;
        var prefix = input[position];
        if (prefix < StringOffset)
            return (false, 1);
        position++;
        var isList = prefix >= ListOffset;
        var shortBase = isList ? ListOffset : StringOffset;
        var what = isList ? "list" : "string";
        int length;
        if (prefix - shortBase < ShortLimit)
        {
            length = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - ShortLimit + 1;
            if (lengthOfLength > end - position)
                throw new RlpException($"RLP {what} header needs {lengthOfLength} length bytes, only {end - position} remain", headerAt);
            var lengthBytes = input.Slice(position, lengthOfLength);
            if (lengthBytes[0] == 0)
                throw new RlpException($"RLP {what} length has leading zero bytes", headerAt);
            if (lengthOfLength > 4)
                throw new RlpException($"RLP {what} length uses {lengthOfLength} bytes; lengths beyond 2^31 are refused", headerAt);
            Span<byte> padded = stackalloc byte[4];
            padded.Clear();
            lengthBytes.CopyTo(padded[(4 - lengthOfLength)..]);
            var wide = BinaryPrimitives.ReadUInt32BigEndian(padded);
            if (wide > int.MaxValue)
                throw new RlpException($"RLP {what} length {wide} overflows", headerAt);
            length = (int)wide;
            if (length < ShortLimit)
                throw new RlpException($"RLP {what} of {length} bytes uses the long form; the short form is canonical", headerAt);
            position += lengthOfLength;
        }
        if (length > end - position)
            throw new RlpException($"RLP {what} claims {length} bytes but only {end - position} remain", headerAt);
        if (!isList && length == 1 && input[position] < StringOffset)
            throw new RlpException($"single byte 0x{input[position]:x2} must be encoded as itself, not wrapped in a string header", headerAt);
        return (isList, length);
    }

    internal static int HeaderLength(int payloadLength) =>
        payloadLength < ShortLimit ? 1 : 1 + ByteCount(payloadLength);

    internal static int StringEncodedLength(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < StringOffset ? 1 : HeaderLength(bytes.Length) + bytes.Length;

    internal static int WriteString(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        if (bytes.Length == 1 && bytes[0] < StringOffset)
        {
            destination[0] = bytes[0];
            return 1;
        }
        var header = WriteHeader(destination, StringOffset, bytes.Length);
        bytes.CopyTo(destination[header..]);
        return header + bytes.Length;
    }

    /// <summary>Writes a string or list header (<paramref name="offset"/> 0x80 or 0xc0) and returns its length.</summary>
    internal static int WriteHeader(Span<byte> destination, byte offset, int payloadLength)
    {
        if (payloadLength < ShortLimit)
        {
            destination[0] = (byte)(offset + payloadLength);
            return 1;
        }
        var lengthOfLength = ByteCount(payloadLength);
        destination[0] = (byte)(offset + ShortLimit - 1 + lengthOfLength);
        for (var i = lengthOfLength; i > 0; i--)
        {
            destination[i] = (byte)payloadLength;
            payloadLength >>= 8;
        }
        return 1 + lengthOfLength;
    }

    private static int ByteCount(int value) => value switch
    {
        < 0x100 => 1,
        < 0x10000 => 2,
        < 0x1000000 => 3,
        _ => 4,
    };
}
