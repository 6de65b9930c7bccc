namespace Photon.Ethereum.Crypto;

/// <summary>
/// One implementation of the secp256k1 operations Ethereum needs. Every implementation must give
/// bit-identical results: RFC 6979 (HMAC-SHA256, no extra entropy) nonces, low-s signatures, and
/// recovery ids 0/1 only, so a node's signatures never depend on which backend it happened to load.
/// Implementations are thread-safe.
/// </summary>
/// <remarks>
/// Keys and points are raw big-endian bytes: private keys 32 bytes, public keys 64 bytes
/// <c>x ‖ y</c> (no 0x04 prefix). Use the <see cref="Secp256k1"/> facade unless a specific
/// backend is wanted.
/// </remarks>
public interface ISecp256k1Backend
{
    /// <summary>A short human-readable description, e.g. <c>native libsecp256k1 (libsecp256k1.so.1)</c>.</summary>
    string Name { get; }

    /// <summary>True when the bytes are a 32-byte scalar k with 1 ≤ k &lt; n.</summary>
    bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey);

    /// <summary>Writes the 64-byte public key of a private key. Throws <see cref="InvalidPrivateKeyException"/>.</summary>
    void PublicKeyOf(ReadOnlySpan<byte> privateKey, Span<byte> publicKey);

    /// <summary>
    /// Signs a 32-byte digest deterministically (RFC 6979) and returns the low-s form with v 27/28.
    /// Throws <see cref="InvalidPrivateKeyException"/> for a bad key.
    /// </summary>
    Signature Sign(in Hash256 digest, ReadOnlySpan<byte> privateKey);

    /// <summary>
    /// Recovers the 64-byte public key that made <paramref name="signature"/> over <paramref name="digest"/>.
    /// Returns false for a high-s signature (EIP-2) or when no key can be recovered.
    /// </summary>
    bool TryRecoverPublicKey(in Hash256 digest, in Signature signature, Span<byte> publicKey);

    /// <summary>
    /// The ECDH shared point <c>privateKey · publicKey</c> as 64 bytes <c>x ‖ y</c> (ECIES uses <c>x</c>).
    /// Throws <see cref="InvalidPrivateKeyException"/> or <see cref="InvalidPublicKeyException"/>.
    /// </summary>
    void SharedSecretPoint(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedPoint);
}
