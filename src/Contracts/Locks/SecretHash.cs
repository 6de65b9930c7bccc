using System.Security.Cryptography;
using Photon.Ethereum;

namespace Photon.Contracts.Locks;

/// <summary>
/// The hash a lock names its secret by: sha256 (not keccak256, so the same secret can unlock a
/// swap's counterpart on a chain or system that only has sha256).
/// </summary>
public static class SecretHash
{
    public const int SecretLength = 32;

    /// <summary>sha256 of a 32-byte secret. Throws <see cref="InvalidSecretException"/> for any other length.</summary>
    public static Hash256 Of(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SecretLength)
            throw new InvalidSecretException($"a secret has {SecretLength} bytes, got {secret.Length}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(secret, hash);
        return new Hash256(hash);
    }

    /// <summary>sha256 of a secret held as a <c>bytes32</c>, the form the SecretRegistry takes.</summary>
    public static Hash256 Of(Hash256 secret)
    {
        Span<byte> bytes = stackalloc byte[SecretLength];
        secret.WriteTo(bytes);
        return Of(bytes);
    }
}
