namespace Photon.Ethereum.Abi;

/// <summary>
/// Standard ABI encoding in two passes. The first checks the value against its type and prepares
/// it: each caller's sequence is read exactly once into a private array (a lazy sequence, or a list
/// changed meanwhile, could give something else if read again, and the buffer is sized by the
/// first read), strings become UTF-8 and bytes become memory, and the exact size is summed. The
/// second writes the prepared values into one zero-initialised buffer, so padding is never written
/// explicitly. Offsets are relative to the start of the enclosing tuple, tails follow heads in
/// member order: the "strict mode" layout every Solidity encoder produces.
/// </summary>
internal static class AbiEncoder
{
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values, ReadOnlySpan<byte> prefix)
    {
        ArgumentNullException.ThrowIfNull(values);
        var members = AbiMembers.Of(parameters);
        object?[] prepared = [.. values];
        if (prepared.Length != members.Count)
            throw new AbiException($"expected {members.Count} values, got {prepared.Length}");
        var size = prefix.Length + PrepareSequence(members, prepared);
        if (size > Array.MaxLength)
            throw new AbiException($"the encoding would take {size} bytes");
        var output = new byte[size];
        prefix.CopyTo(output);
        WriteSequence(members, prepared, output.AsSpan(prefix.Length));
        return output;
    }

    /// <summary>
    /// Replaces each of <paramref name="items"/> (an array owned by the encoder) by its prepared form
    /// and returns the bytes the sequence takes: its heads plus the tails of its dynamic members.
    /// </summary>
    private static long PrepareSequence(AbiMembers members, object?[] items)
    {
        var size = members.HeadSize;
        for (var i = 0; i < members.Count; i++)
        {
            var type = members.TypeAt(i);
            try
            {
                items[i] = Prepare(type, items[i], out var itemSize);
                if (type.IsDynamic)
                    size += itemSize;
            }
            catch (AbiException e)
            {
                e.At(i, members.NameAt(i));
                throw;
            }
        }
        return size;
    }

    /// <summary>
    /// The prepared value: elementary values as given (they are checked when written), bytes as
    /// <see cref="ReadOnlyMemory{T}"/>, strings as UTF-8 <c>byte[]</c>, arrays and tuples as
    /// <c>object?[]</c> of prepared elements. <paramref name="size"/> is what the value takes where it
    /// is written: its head size if static, its whole tail if dynamic.
    /// </summary>
    private static object? Prepare(AbiType type, object? value, out long size)
    {
        switch (type)
        {
            case { IsElementary: true }:
                size = type.HeadSize;
                return value;
            case AbiBytesType:
                var bytes = AbiValueConversion.ToBytes(value, type);
                size = 32 + AbiValueConversion.Padded(bytes.Length);
                return bytes;
            case AbiStringType:
                var utf8 = AbiValueConversion.ToUtf8(value);
                size = 32 + AbiValueConversion.Padded(utf8.Length);
                return utf8;
            case AbiArrayType array:
            {
                var elements = AbiValueConversion.ToArray(value, type);
                size = 32 + PrepareSequence(AbiMembers.Repeat(array.Element, elements.Length), elements);
                return elements;
            }
            default:
            {
                var items = AbiValueConversion.ToArray(value, type);
                var members = Members(type);
                if (items.Length != members.Count)
                    throw new AbiException($"{type} needs {members.Count} values, got {items.Length}");
                var sequenceSize = PrepareSequence(members, items);
                size = type.IsDynamic ? sequenceSize : type.HeadSize;
                return items;
            }
        }
    }

    // Writes the prepared value at the start of destination and returns the bytes written (its prepared size).
    private static int Write(AbiType type, object? prepared, Span<byte> destination)
    {
        switch (type)
        {
            case { IsElementary: true }:
                AbiValueConversion.WriteWord(type, prepared, destination);
                return 32;
            case AbiBytesType:
                return WriteBytes(((ReadOnlyMemory<byte>)prepared!).Span, destination);
            case AbiStringType:
                return WriteBytes((byte[])prepared!, destination);
            case AbiArrayType array:
            {
                var elements = (object?[])prepared!;
                WriteLength(elements.Length, destination);
                return 32 + WriteSequence(AbiMembers.Repeat(array.Element, elements.Length), elements, destination[32..]);
            }
            default:
                return WriteSequence(Members(type), (object?[])prepared!, destination);
        }
    }

    private static int WriteSequence(AbiMembers members, object?[] prepared, Span<byte> destination)
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
                    tail += Write(type, prepared[i], destination[tail..]);
                }
                else
                {
                    Write(type, prepared[i], destination[head..]);
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

    private static AbiMembers Members(AbiType type) => type switch
    {
        AbiFixedArrayType fixedArray => AbiMembers.Repeat(fixedArray.Element, fixedArray.Length),
        AbiTupleType tuple => AbiMembers.Of(tuple.Components),
        _ => throw new InvalidOperationException($"{type} has no members"),
    };

    private static int WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        WriteLength(bytes.Length, destination);
        bytes.CopyTo(destination[32..]);
        return 32 + (int)AbiValueConversion.Padded(bytes.Length);
    }

    private static void WriteLength(int value, Span<byte> word) => new UInt256((ulong)value).WriteBigEndian(word);
}
