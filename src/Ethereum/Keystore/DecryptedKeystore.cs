using System.Security.Cryptography;

namespace Photon.Ethereum.Keystore;

/// <summary>
/// The plaintext of a keystore: its secret (normally a 32-byte private key), the address the file
/// declares (optional in the format) and its id. Dispose to zero the secret.
/// </summary>
public sealed class DecryptedKeystore(byte[] secret, Address? declaredAddress, string? id) : IDisposable
{
    public ReadOnlySpan<byte> Secret => secret;

    public Address? DeclaredAddress { get; } = declaredAddress;

    public string? Id { get; } = id;

    public void Dispose() => CryptographicOperations.ZeroMemory(secret);
}
