namespace Photon.Contracts.Artifacts;

/// <summary>
/// Artifact JSON that is not what <c>contracts-sol/compile.cjs</c> writes: not JSON, a field
/// missing or of the wrong kind, bytecode that is not 0x-hex or still needs library linking, or
/// an ABI that does not parse (the <see cref="Exception.InnerException"/> then says where).
/// </summary>
public sealed class ContractArtifactFormatException(string message, Exception? innerException = null)
    : FormatException(message, innerException);
