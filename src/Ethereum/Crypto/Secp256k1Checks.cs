using System.Security.Cryptography;

namespace Photon.Ethereum.Crypto;

/// <summary>Rules and messages shared by the backends, so both fail in the same way on the same input.</summary>
internal static class Secp256k1Checks
{
    public static InvalidPrivateKeyException WrongKeyLength(int length) =>
        new($"a private key has 32 bytes, got {length}");

    public static InvalidPrivateKeyException OutOfRangeKey() =>
        new("a private key must be an integer in [1, n-1] (n = the secp256k1 group order)");

    /// <summary>
    /// Turns a compact <c>r ‖ s</c> and recovery id 0–3 into Ethereum's form. Ids 2 and 3 mean the
    /// nonce point's x was ≥ n (probability about 2⁻¹²⁸); v = 27/28 cannot express that, and
    /// Ethereum's ecrecover would recover a different key, so signing refuses rather than emit a
    /// signature that verifies nowhere.
    /// </summary>
    public static Signature ToEthereumSignature(ReadOnlySpan<byte> compact, int recoveryId)
    {
        if (recoveryId is not (0 or 1))
            throw new CryptographicException(
                $"secp256k1 produced recovery id {recoveryId} (nonce point x ≥ n), which Ethereum's v cannot express");
        return new Signature(UInt256.FromBigEndian(compact[..32]), UInt256.FromBigEndian(compact[32..64]), (byte)(27 + recoveryId));
    }
}
