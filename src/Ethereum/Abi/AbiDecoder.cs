using System.Numerics;
using System.Text;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Decodes ABI data of known types, treating the data as hostile:
/// <list type="bullet">
/// <item>every offset and length is checked against the data before it is followed or anything is allocated;</item>
/// <item>elementary words must be in canonical form: zero high bits for <c>uint&lt;M&gt;</c> and
/// <c>address</c>, sign extension for <c>int&lt;M&gt;</c>, 0 or 1 for <c>bool</c>, zero padding after
/// <c>bytes&lt;M&gt;</c>, <c>bytes</c> and <c>string</c> (whose padding must be present);</item>
/// <item>strings must be valid UTF-8;</item>
/// <item>offsets may point anywhere inside the data (as the Solidity decoder allows), but the bytes
/// read in total are capped at <c>4096 + 8 × data length</c>, so offsets that point many
/// elements at the same tail cannot blow a small input up into a huge result.</item>
/// </list>
/// Trailing bytes after the encoding are ignored, as Solidity and ethers do.
/// </summary>
internal ref struct AbiDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private long _budget;

    public AbiDecoder(ReadOnlySpan<byte> data)
    {
        _data = data;
        _budget = 4096 + 8L * data.Length;
    }

    public object?[] DecodeParameters(IReadOnlyList<AbiParameter> parameters) =>
        DecodeSequence(AbiMembers.Of(parameters), 0);

    /// <summary>Decodes one elementary value from a 32-byte word (also used for event topics).</summary>
    public static object DecodeWord(AbiType type, ReadOnlySpan<byte> word) => type switch
    {
        AbiUIntType u => DecodeUnsigned(u, word),
        AbiIntType i => DecodeSigned(i, word),
        AbiAddressType => DecodeAddress(word),
        AbiBoolType => DecodeBool(word),
        AbiFixedBytesType f => DecodeFixedBytes(f, word),
        _ => throw new InvalidOperationException($"{type} is not an elementary type"),
    };

    private object?[] DecodeSequence(AbiMembers members, int start)
    {
        var headSize = members.HeadSize;
        if (headSize > _data.Length - start)
            throw new AbiException($"data too short: {Describe(members)} needs {headSize} bytes of head at byte {start}, only {_data.Length - start} remain");
        var result = new object?[members.Count];
        var head = start;
        for (var i = 0; i < members.Count; i++)
        {
            var type = members.TypeAt(i);
            try
            {
                result[i] = type.IsDynamic ? Decode(type, start + ReadOffset(head, start)) : Decode(type, head);
            }
            catch (AbiException e)
            {
                e.At(i, members.NameAt(i));
                throw;
            }
            head += type.HeadSize;
        }
        return result;
    }

    private object? Decode(AbiType type, int position)
    {
        switch (type)
        {
            case { IsElementary: true }:
                return DecodeWord(type, ReadWord(position));
            case AbiBytesType:
                return ReadBytes(position, type).ToArray();
            case AbiStringType:
                var bytes = ReadBytes(position, type);
                try
                {
                    return AbiValueConversion.StrictUtf8.GetString(bytes);
                }
                catch (DecoderFallbackException e)
                {
                    throw new AbiException($"string at byte {position} is not valid UTF-8", e);
                }
            case AbiArrayType array:
            {
                var count = UInt256.FromBigEndian(ReadWord(position));
                var available = (ulong)(_data.Length - position - 32);
                if (count > available / (ulong)array.Element.HeadSize)
                    throw new AbiException($"{type} at byte {position} claims {count} elements, but only {available} bytes follow");
                return DecodeSequence(AbiMembers.Repeat(array.Element, (int)(ulong)count), position + 32);
            }
            case AbiFixedArrayType fixedArray:
                return DecodeSequence(AbiMembers.Repeat(fixedArray.Element, fixedArray.Length), position);
            case AbiTupleType tuple:
                return DecodeSequence(AbiMembers.Of(tuple.Components), position);
            default:
                throw new InvalidOperationException($"unknown ABI type {type}");
        }
    }

    private ReadOnlySpan<byte> ReadWord(int position)
    {
        if (position < 0 || position > _data.Length - 32)
            throw new AbiException($"data too short: a word at byte {position} needs {position + 32} bytes, the data has {_data.Length}");
        Charge(32);
        return _data.Slice(position, 32);
    }

    // An offset stored at `head`, relative to `start`, that must land inside the data.
    private int ReadOffset(int head, int start)
    {
        var offset = UInt256.FromBigEndian(ReadWord(head));
        var limit = (ulong)(_data.Length - start);
        if (offset.BitLength > 63 || (ulong)offset > limit)
            throw new AbiException($"offset {offset} at byte {head} points past the end of the data ({_data.Length} bytes)");
        return (int)(ulong)offset;
    }

    private ReadOnlySpan<byte> ReadBytes(int position, AbiType type)
    {
        var declared = UInt256.FromBigEndian(ReadWord(position));
        var available = (ulong)(_data.Length - position - 32);
        if (declared > available)
            throw new AbiException($"{type} at byte {position} claims {declared} bytes, but only {available} follow");
        var length = (int)(ulong)declared;
        var padded = (int)AbiValueConversion.Padded(length);
        var start = position + 32;
        if (padded > _data.Length - start)
            throw new AbiException($"{type} of {length} bytes at byte {position} lacks its zero padding: {padded} bytes needed, {_data.Length - start} remain");
        Charge(padded);
        var padding = _data.Slice(start + length, padded - length);
        if (padding.ContainsAnyExcept((byte)0))
            throw new AbiException($"{type} at byte {position} has non-zero padding");
        return _data.Slice(start, length);
    }

    private void Charge(long bytes)
    {
        _budget -= bytes;
        if (_budget < 0)
            throw new AbiException("ABI data expands too much: offsets reuse the same data over and over");
    }

    private static UInt256 DecodeUnsigned(AbiUIntType type, ReadOnlySpan<byte> word)
    {
        if (word[..(32 - type.Bits / 8)].ContainsAnyExcept((byte)0))
            throw new AbiException($"{type} word {Hex.Encode(word)} has non-zero high bits");
        return UInt256.FromBigEndian(word);
    }

    private static BigInteger DecodeSigned(AbiIntType type, ReadOnlySpan<byte> word)
    {
        var size = type.Bits / 8;
        var value = word[(32 - size)..];
        var extension = (value[0] & 0x80) != 0 ? (byte)0xff : (byte)0;
        if (word[..(32 - size)].ContainsAnyExcept(extension))
            throw new AbiException($"{type} word {Hex.Encode(word)} is not sign-extended");
        return new BigInteger(value, isUnsigned: false, isBigEndian: true);
    }

    private static Address DecodeAddress(ReadOnlySpan<byte> word)
    {
        if (word[..12].ContainsAnyExcept((byte)0))
            throw new AbiException($"address word {Hex.Encode(word)} has non-zero high bytes");
        return new Address(word[12..]);
    }

    private static bool DecodeBool(ReadOnlySpan<byte> word)
    {
        if (word[..31].ContainsAnyExcept((byte)0) || word[31] > 1)
            throw new AbiException($"bool word {Hex.Encode(word)} is neither 0 nor 1");
        return word[31] == 1;
    }

    private static byte[] DecodeFixedBytes(AbiFixedBytesType type, ReadOnlySpan<byte> word)
    {
        if (word[type.Size..].ContainsAnyExcept((byte)0))
            throw new AbiException($"{type} word {Hex.Encode(word)} has non-zero padding");
        return word[..type.Size].ToArray();
    }

    private static string Describe(AbiMembers members) =>
        members.Count == 1 ? members.TypeAt(0).ToString() : $"{members.Count} values";
}
