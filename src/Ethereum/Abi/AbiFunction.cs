namespace Photon.Ethereum.Abi;

/// <summary>
/// A contract function: its canonical signature (<c>transfer(address,uint256)</c>), 4-byte
/// selector, and the encoding of calls and decoding of calls and results.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    public AbiFunction(
        string name,
        IEnumerable<AbiParameter> inputs,
        IEnumerable<AbiParameter>? outputs = null,
        AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Name = AbiSignature.CheckName(name, "function");
        Inputs = [.. inputs];
        Outputs = outputs is null ? [] : [.. outputs];
        StateMutability = stateMutability;
        Signature = AbiSignature.Canonical(Name, Inputs);
        _selector = AbiSignature.Selector(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    public AbiStateMutability StateMutability { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The first 4 bytes of keccak256(<see cref="Signature"/>).</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>
    /// Parses a human-readable declaration: <c>transfer(address,uint256)</c> or
    /// <c>function balanceOf(address owner) view returns (uint256)</c>.
    /// </summary>
    public static AbiFunction Parse(string declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var parser = new AbiTypeParser(declaration);
        var name = AbiSignature.ReadName(parser, "function");
        var inputs = parser.ReadParameterList(allowIndexed: false);
        var outputs = new List<AbiParameter>();
        var mutability = AbiStateMutability.NonPayable;
        while (parser.TryReadIdentifier() is { } word)
        {
            if (AbiSignature.Mutability(word) is { } m)
                mutability = m;
            else if (word == "returns")
                outputs = parser.ReadParameterList(allowIndexed: false);
            else if (word is not ("external" or "public"))
                throw parser.Unexpected(word);
        }
        parser.ExpectEnd();
        return new AbiFunction(name, inputs, outputs, mutability);
    }

    /// <summary>Call data: the selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments) => AbiEncoder.Encode(Inputs, arguments, _selector);

    /// <summary>Decodes call data, which must start with this function's selector.</summary>
    public AbiValues DecodeInput(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
            throw new AbiException($"call data does not start with the selector {SelectorHex} of {Signature}");
        return new AbiValues(Inputs, new AbiDecoder(callData[4..]).DecodeParameters(Inputs));
    }

    public byte[] EncodeOutput(params object?[] values) => AbiEncoder.Encode(Outputs, values, []);

    /// <summary>Decodes return data. Empty data for a function with outputs (a call to an address without code) is refused.</summary>
    public AbiValues DecodeOutput(ReadOnlySpan<byte> returnData) =>
        new(Outputs, new AbiDecoder(returnData).DecodeParameters(Outputs));

    /// <summary>This function as a standard JSON ABI fragment.</summary>
    public System.Text.Json.Nodes.JsonObject ToAbiJson() => AbiJsonFragments.Function(this);

    /// <summary>Human-readable form, e.g. <c>function balanceOf(address owner) view returns (uint256)</c>.</summary>
    public override string ToString() =>
        $"function {Name}{AbiSignature.Format(Inputs)}"
        + (StateMutability == AbiStateMutability.NonPayable ? "" : " " + AbiSignature.Keyword(StateMutability))
        + (Outputs.Count > 0 ? " returns " + AbiSignature.Format(Outputs) : "");
}
