namespace Photon.Ethereum.Eip712;

/// <summary>EIP-712 typed data that cannot be hashed: unknown or malformed types, a value that does not fit its type, a missing or unexpected field.</summary>
public sealed class TypedDataException(string message, Exception? inner = null) : FormatException(message, inner);
