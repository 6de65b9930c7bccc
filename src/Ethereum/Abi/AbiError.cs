namespace Photon.Ethereum.Abi;

/// <summary>
/// A custom error (<c>error InsufficientBalance(uint256 available, uint256 required)</c>), or
/// one of Solidity's built-ins <see cref="ErrorString"/> (<c>require</c>/<c>revert</c> with a reason)
/// and <see cref="Panic"/> (assert failures, overflow, …). Revert data is the 4-byte selector
/// followed by the ABI-encoded arguments, exactly like a call.
/// </summary>
public sealed class AbiError
{
    private readonly byte[] _selector;

    public AbiError(string name, IEnumerable<AbiParameter> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Name = AbiSignature.CheckName(name, "error");
        Inputs = [.. inputs];
        Signature = AbiSignature.Canonical(Name, Inputs);
        _selector = AbiSignature.Selector(Signature);
    }

    /// <summary><c>Error(string)</c>, selector 0x08c379a0: the revert reason of <c>require(cond, "reason")</c>.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiType.String)]);

    /// <summary><c>Panic(uint256)</c>, selector 0x4e487b71: assertion failures, arithmetic overflow, bad array index, ….</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.UInt256)]);

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public ReadOnlySpan<byte> Selector => _selector;

    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Parses <c>error Unauthorized(address caller)</c> (keyword optional).</summary>
    public static AbiError Parse(string declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var parser = new AbiTypeParser(declaration);
        var name = AbiSignature.ReadName(parser, "error");
        var inputs = parser.ReadParameterList(allowIndexed: false);
        parser.ExpectEnd();
        return new AbiError(name, inputs);
    }

    /// <summary>True when <paramref name="revertData"/> starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> revertData) =>
        revertData.Length >= 4 && revertData[..4].SequenceEqual(_selector);

    public byte[] Encode(params object?[] arguments) => AbiEncoder.Encode(Inputs, arguments, _selector);

    /// <summary>Decodes revert data, which must start with this error's selector.</summary>
    public AbiValues Decode(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
            throw new AbiException($"revert data does not start with the selector {SelectorHex} of {Signature}");
        return new AbiValues(Inputs, new AbiDecoder(revertData[4..]).DecodeParameters(Inputs));
    }

    public override string ToString() => $"error {Name}{AbiSignature.Format(Inputs)}";
}
