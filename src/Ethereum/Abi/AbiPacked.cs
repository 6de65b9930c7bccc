using System.Buffers;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Solidity's non-standard packed encoding (<c>abi.encodePacked</c>), for hashing:
/// elementary values take their natural width (uint16 → 2 bytes, address → 20, bool → 1,
/// bytes3 → 3), <c>bytes</c> and <c>string</c> are their raw contents, and array elements are
/// padded to 32 bytes each with no length. Like Solidity, tuples and arrays of anything but
/// elementary types are refused. The encoding is ambiguous when two dynamic values are adjacent.
/// </summary>
public static class AbiPacked
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
            throw new AbiException($"expected {types.Count} values, got {values.Count}");
        var output = new ArrayBufferWriter<byte>();
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                Write(types[i], values[i], output);
            }
            catch (AbiException e)
            {
                e.At(i);
                throw;
            }
        }
        return output.WrittenSpan.ToArray();
    }

    private static void Write(AbiType type, object? value, ArrayBufferWriter<byte> output)
    {
        switch (type)
        {
            case { IsElementary: true }:
                Span<byte> word = stackalloc byte[32];
                AbiValueConversion.WriteWord(type, value, word);
                output.Write(Natural(type, word));
                break;
            case AbiBytesType:
                output.Write(AbiValueConversion.ToBytes(value, type).Span);
                break;
            case AbiStringType:
                output.Write(AbiValueConversion.ToUtf8(value));
                break;
            case AbiArrayType or AbiFixedArrayType:
                var element = type is AbiArrayType array ? array.Element : ((AbiFixedArrayType)type).Element;
                if (!element.IsElementary)
                    throw new AbiException($"packed encoding of {type} is not supported: only arrays of elementary types can be packed");
                var list = AbiValueConversion.ToArray(value, type);
                if (type is AbiFixedArrayType { Length: var length } && list.Length != length)
                    throw new AbiException($"{type} needs {length} values, got {list.Length}");
                for (var i = 0; i < list.Length; i++)
                {
                    try
                    {
                        AbiValueConversion.WriteWord(element, list[i], output.GetSpan(32));
                        output.Advance(32);
                    }
                    catch (AbiException e)
                    {
                        e.At(i);
                        throw;
                    }
                }
                break;
            default:
                throw new AbiException($"packed encoding of {type} is not supported: Solidity cannot pack structs");
        }
    }

    // The value's own bytes inside its 32-byte word.
    private static ReadOnlySpan<byte> Natural(AbiType type, ReadOnlySpan<byte> word) => type switch
    {
        AbiUIntType u => word[(32 - u.Bits / 8)..],
        AbiIntType i => word[(32 - i.Bits / 8)..],
        AbiAddressType => word[12..],
        AbiBoolType => word[31..],
        AbiFixedBytesType f => word[..f.Size],
        _ => throw new InvalidOperationException($"{type} is not elementary"),
    };
}
