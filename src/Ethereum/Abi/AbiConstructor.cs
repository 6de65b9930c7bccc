namespace Photon.Ethereum.Abi;

/// <summary>A contract constructor: deployment data is the creation bytecode followed by the encoded arguments.</summary>
public sealed class AbiConstructor
{
    public AbiConstructor(IEnumerable<AbiParameter> inputs, AbiStateMutability stateMutability = AbiStateMutability.NonPayable)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Inputs = [.. inputs];
        StateMutability = stateMutability;
    }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public AbiStateMutability StateMutability { get; }

    public byte[] EncodeDeployment(ReadOnlySpan<byte> bytecode, params object?[] arguments) =>
        AbiEncoder.Encode(Inputs, arguments, bytecode);

    /// <summary>Decodes the encoded arguments (the deployment data after the bytecode).</summary>
    public AbiValues DecodeArguments(ReadOnlySpan<byte> encodedArguments) =>
        new(Inputs, new AbiDecoder(encodedArguments).DecodeParameters(Inputs));

    public override string ToString() =>
        $"constructor{AbiSignature.Format(Inputs)}" + (StateMutability == AbiStateMutability.Payable ? " payable" : "");
}
