namespace Photon.Ethereum.Abi;

/// <summary>
/// Standard ABI encoding in two passes: the first computes the exact size (and checks the shapes
/// of dynamic values), the second writes into one zero-initialised buffer, so padding is never
/// written explicitly. Offsets are relative to the start of the enclosing tuple, tails follow
/// heads in member order: the "strict mode" layout every Solidity encoder produces.
/// </summary>
internal static class AbiEncoder
{
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values, ReadOnlySpan<byte> prefix)
    {
        ArgumentNullException.ThrowIfNull(values);
        var members = AbiMembers.Of(parameters);
        if (values.Count != members.Count)
            throw new AbiException($"expected {members.Count} values, got {values.Count}");
        var size = prefix.Length + SequenceSize(members, values);
        if (size > Array.MaxLength)
            throw new AbiException($"the encoding would take {size} bytes");
        var output = new byte[size];
        prefix.CopyTo(output);
        WriteSequence(members, values, output.AsSpan(prefix.Length));
        return output;
    }

    // Bytes the value takes where it is written: its head size if static, its whole tail if dynamic.
    private static long Size(AbiType type, object? value)
    {
        if (!type.IsDynamic)
            return type.HeadSize;
        switch (type)
        {
            case AbiBytesType:
                return 32 + AbiValueConversion.Padded(AbiValueConversion.ToBytes(value, type).Length);
            case AbiStringType:
                return 32 + AbiValueConversion.Padded(AbiValueConversion.ToUtf8(value).Length);
            case AbiArrayType array:
            {
                var list = AbiValueConversion.ToList(value, type);
                return 32 + SequenceSize(AbiMembers.Repeat(array.Element, list.Count), list);
            }
            default:
                var (members, values) = Members(type, value);
                return SequenceSize(members, values);
        }
    }

    private static long SequenceSize(AbiMembers members, IReadOnlyList<object?> values)
    {
        var size = members.HeadSize;
        for (var i = 0; i < members.Count; i++)
        {
            var type = members.TypeAt(i);
            if (!type.IsDynamic)
                continue;
            try
            {
                size += Size(type, values[i]);
            }
            catch (AbiException e)
            {
                e.At(i, members.NameAt(i));
                throw;
            }
        }
        return size;
    }

    // Writes the value at the start of destination and returns the bytes written (Size).
    private static int Write(AbiType type, object? value, Span<byte> destination)
    {
        switch (type)
        {
            case { IsElementary: true }:
                AbiValueConversion.WriteWord(type, value, destination);
                return 32;
            case AbiBytesType:
                return WriteBytes(AbiValueConversion.ToBytes(value, type).Span, destination);
            case AbiStringType:
                return WriteBytes(AbiValueConversion.ToUtf8(value), destination);
            case AbiArrayType array:
            {
                var list = AbiValueConversion.ToList(value, type);
                WriteLength(list.Count, destination);
                return 32 + WriteSequence(AbiMembers.Repeat(array.Element, list.Count), list, destination[32..]);
            }
            default:
                var (members, values) = Members(type, value);
                return WriteSequence(members, values, destination);
        }
    }

    private static int WriteSequence(AbiMembers members, IReadOnlyList<object?> values, Span<byte> destination)
    {
        var head = 0;
        var tail = (int)members.HeadSize;
        for (var i = 0; i < members.Count; i++)
        {
            var type = members.TypeAt(i);
            try
            {
                if (type.IsDynamic)
                {
                    WriteLength(tail, destination[head..]);
                    tail += Write(type, values[i], destination[tail..]);
                }
                else
                {
                    Write(type, values[i], destination[head..]);
                }
            }
            catch (AbiException e)
            {
                e.At(i, members.NameAt(i));
                throw;
            }
            head += type.HeadSize;
        }
        return tail;
    }

    private static (AbiMembers Members, IReadOnlyList<object?> Values) Members(AbiType type, object? value)
    {
        var list = AbiValueConversion.ToList(value, type);
        var members = type switch
        {
            AbiFixedArrayType fixedArray => AbiMembers.Repeat(fixedArray.Element, fixedArray.Length),
            AbiTupleType tuple => AbiMembers.Of(tuple.Components),
            _ => throw new InvalidOperationException($"{type} has no members"),
        };
        if (list.Count != members.Count)
            throw new AbiException($"{type} needs {members.Count} values, got {list.Count}");
        return (members, list);
    }

    private static int WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        WriteLength(bytes.Length, destination);
        bytes.CopyTo(destination[32..]);
        return 32 + (int)AbiValueConversion.Padded(bytes.Length);
    }

    private static void WriteLength(int value, Span<byte> word) => new UInt256((ulong)value).WriteBigEndian(word);
}
