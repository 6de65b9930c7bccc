using System.Buffers;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Abi;

/// <summary>
/// A contract event. Topic 0 is keccak256 of the canonical signature (absent for anonymous
/// events); each indexed input takes one more topic; the other inputs are ABI-encoded in the data.
/// Indexed elementary values (integers, address, bool, bytesN) sit in their topic and decode to
/// their value; indexed strings, bytes, arrays and tuples are stored only as the keccak256 hash
/// of their encoding, and decode to that <see cref="Hash256"/>.
/// </summary>
public sealed class AbiEvent
{
    private readonly AbiParameter[] _dataInputs;

    public AbiEvent(string name, IEnumerable<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Name = AbiSignature.CheckName(name, "event");
        Inputs = [.. inputs];
        Anonymous = anonymous;
        var indexed = Inputs.Count(p => p.Indexed);
        var maxIndexed = anonymous ? 4 : 3;
        if (indexed > maxIndexed)
            throw new AbiException($"event {Name} has {indexed} indexed inputs; at most {maxIndexed} fit in a log");
        _dataInputs = [.. Inputs.Where(p => !p.Indexed)];
        Signature = AbiSignature.Canonical(Name, Inputs);
        Topic0 = Keccak256.Hash(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>keccak256(<see cref="Signature"/>): the first topic of every (non-anonymous) log of this event.</summary>
    public Hash256 Topic0 { get; }

    /// <summary>Parses <c>event Transfer(address indexed from, address indexed to, uint256 value)</c> (keyword optional, <c>anonymous</c> allowed at the end).</summary>
    public static AbiEvent Parse(string declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var parser = new AbiTypeParser(declaration);
        var name = AbiSignature.ReadName(parser, "event");
        var inputs = parser.ReadParameterList(allowIndexed: true);
        var anonymous = false;
        if (parser.TryReadIdentifier() is { } word)
            anonymous = word == "anonymous" ? true : throw parser.Unexpected(word);
        parser.ExpectEnd();
        return new AbiEvent(name, inputs, anonymous);
    }

    /// <summary>Decodes a log of this event. The topic count and (unless anonymous) topic 0 must match.</summary>
    public AbiValues Decode(IReadOnlyList<Hash256> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var first = Anonymous ? 0 : 1;
        var expected = first + (Inputs.Count - _dataInputs.Length);
        if (topics.Count != expected)
            throw new AbiException($"event {Signature} has {expected} topics, the log has {topics.Count}");
        if (!Anonymous && topics[0] != Topic0)
            throw new AbiException($"topic 0 {topics[0]} is not the topic of {Signature} ({Topic0})");
        var dataValues = new AbiDecoder(data).DecodeParameters(_dataInputs);
        var values = new object?[Inputs.Count];
        var topic = first;
        var dataIndex = 0;
        Span<byte> word = stackalloc byte[32];
        for (var i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            if (!input.Indexed)
            {
                values[i] = dataValues[dataIndex++];
                continue;
            }
            var hash = topics[topic++];
            if (!input.Type.IsElementary)
            {
                values[i] = hash;
                continue;
            }
            hash.WriteTo(word);
            try
            {
                values[i] = AbiDecoder.DecodeWord(input.Type, word);
            }
            catch (AbiException e)
            {
                e.At(i, input.Name);
                throw;
            }
        }
        return new AbiValues(Inputs, values);
    }

    /// <summary>Builds the topics and data of a log of this event (for filters, tests and mocks).</summary>
    public AbiLog Encode(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Inputs.Count)
            throw new AbiException($"event {Signature} has {Inputs.Count} inputs, got {values.Length} values");
        var topics = new List<Hash256>();
        if (!Anonymous)
            topics.Add(Topic0);
        var dataValues = new List<object?>();
        for (var i = 0; i < Inputs.Count; i++)
        {
            if (!Inputs[i].Indexed)
            {
                dataValues.Add(values[i]);
                continue;
            }
            try
            {
                topics.Add(EncodeTopic(Inputs[i].Type, values[i]));
            }
            catch (AbiException e)
            {
                e.At(i, Inputs[i].Name);
                throw;
            }
        }
        return new AbiLog(topics, AbiEncoder.Encode(_dataInputs, dataValues, []));
    }

    /// <summary>
    /// The topic of an indexed value: the 32-byte word of an elementary value; keccak256 of the
    /// contents of a string or bytes; for arrays and tuples keccak256 of the in-place encoding
    /// (elements concatenated, each padded to 32 bytes, no lengths or offsets).
    /// </summary>
    public static Hash256 EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (type)
        {
            case { IsElementary: true }:
                Span<byte> word = stackalloc byte[32];
                AbiValueConversion.WriteWord(type, value, word);
                return new Hash256(word);
            case AbiBytesType:
                return Keccak256.Hash(AbiValueConversion.ToBytes(value, type).Span);
            case AbiStringType:
                return Keccak256.Hash(AbiValueConversion.ToUtf8(value));
            default:
                var output = new ArrayBufferWriter<byte>();
                WriteInPlace(type, value, output);
                return Keccak256.Hash(output.WrittenSpan);
        }
    }

    private static void WriteInPlace(AbiType type, object? value, ArrayBufferWriter<byte> output)
    {
        switch (type)
        {
            case { IsElementary: true }:
                AbiValueConversion.WriteWord(type, value, output.GetSpan(32));
                output.Advance(32);
                return;
            case AbiBytesType or AbiStringType:
                var bytes = type is AbiBytesType ? AbiValueConversion.ToBytes(value, type).Span : AbiValueConversion.ToUtf8(value);
                var padded = (int)AbiValueConversion.Padded(bytes.Length);
                var span = output.GetSpan(Math.Max(padded, 1))[..padded];
                span.Clear();
                bytes.CopyTo(span);
                output.Advance(padded);
                return;
        }
        var list = AbiValueConversion.ToArray(value, type);
        var (count, typeAt) = type switch
        {
            AbiArrayType a => (list.Length, (Func<int, AbiType>)(_ => a.Element)),
            AbiFixedArrayType f => (f.Length, _ => f.Element),
            AbiTupleType t => (t.Components.Count, i => t.Components[i].Type),
            _ => throw new InvalidOperationException($"unknown ABI type {type}"),
        };
        if (list.Length != count)
            throw new AbiException($"{type} needs {count} values, got {list.Length}");
        for (var i = 0; i < count; i++)
        {
            try
            {
                WriteInPlace(typeAt(i), list[i], output);
            }
            catch (AbiException e)
            {
                e.At(i, type is AbiTupleType tuple ? tuple.Components[i].Name : null);
                throw;
            }
        }
    }

    /// <summary>This event as a standard JSON ABI fragment.</summary>
    public System.Text.Json.Nodes.JsonObject ToAbiJson() => AbiJsonFragments.Event(this);

    /// <summary>Human-readable form, e.g. <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>.</summary>
    public override string ToString() => $"event {Name}{AbiSignature.Format(Inputs)}" + (Anonymous ? " anonymous" : "");
}
