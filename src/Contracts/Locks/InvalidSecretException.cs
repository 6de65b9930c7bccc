namespace Photon.Contracts.Locks;

/// <summary>A secret that is not 32 bytes: the SecretRegistry only ever registers a <c>bytes32</c>.</summary>
public sealed class InvalidSecretException(string message) : FormatException(message);
