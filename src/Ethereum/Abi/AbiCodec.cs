namespace Photon.Ethereum.Abi;

/// <summary>
/// Standard ABI encoding of a list of values (a tuple without the enclosing offset), as used for
/// call arguments, return values, event data and <c>abi.encode</c>.
/// <para>Values by type: <c>uint&lt;M&gt;</c> — <see cref="UInt256"/> or any .NET integer or
/// <see cref="System.Numerics.BigInteger"/> in range; <c>int&lt;M&gt;</c> — <see cref="System.Numerics.BigInteger"/>
/// or any .NET integer in range; <c>address</c> — <see cref="Address"/>; <c>bool</c> — <see cref="bool"/>;
/// <c>bytes&lt;M&gt;</c> — exactly M bytes as <c>byte[]</c> (or <see cref="Hash256"/> for bytes32);
/// <c>bytes</c> — <c>byte[]</c>; <c>string</c> — <see cref="string"/>; arrays and tuples — any list or array.</para>
/// <para>Decoding returns the canonical forms: <see cref="UInt256"/>, <see cref="System.Numerics.BigInteger"/>,
/// <see cref="Address"/>, <see cref="bool"/>, <c>byte[]</c>, <see cref="string"/>, and <c>object?[]</c> for arrays and tuples.
/// Functions, events and errors decode to <see cref="AbiValues"/>, whose typed accessors convert these
/// (<see cref="AbiValues.GetUInt64(int)"/> of a <c>uint8</c>, <see cref="AbiValues.GetHash256(int)"/> of a <c>bytes32</c>, …).</para>
/// </summary>
public static class AbiCodec
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        AbiEncoder.Encode(Unnamed(types), values, []);

    /// <summary>Encodes with parameter names, which then appear in error paths.</summary>
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        AbiEncoder.Encode(parameters, values, []);

    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) =>
        new AbiDecoder(data).DecodeParameters(Unnamed(types));

    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        new AbiDecoder(data).DecodeParameters(parameters);

    private static AbiParameter[] Unnamed(IReadOnlyList<AbiType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return [.. types.Select(t => new AbiParameter(t ?? throw new ArgumentException("null ABI type", nameof(types))))];
    }
}
