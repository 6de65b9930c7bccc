using System.Security.Cryptography;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Relay.Crypto;

/// <summary>
/// One ephemeral key of a sender towards one recipient: the public half <c>E</c> that goes into
/// every envelope, and the AES-256 key derived from ECDH with the recipient. The ephemeral private
/// key is wiped as soon as the AES key is derived; only <see cref="EphemeralKeyRing"/> hands these out.
/// </summary>
public sealed class SealingKey
{
    private readonly byte[] _ephemeralPublicKey;

    private SealingKey(Address recipient, byte[] ephemeralPublicKey, byte[] aesKey)
    {
        Recipient = recipient;
        _ephemeralPublicKey = ephemeralPublicKey;
        AesKey = aesKey;
    }

    public Address Recipient { get; }

    /// <summary><c>E</c>: the ephemeral public key, 64 bytes <c>x ‖ y</c>.</summary>
    public ReadOnlySpan<byte> EphemeralPublicKey => _ephemeralPublicKey;

    internal byte[] AesKey { get; }

    /// <summary>A fresh ephemeral key for <paramref name="recipient"/> (one ECDH).</summary>
    public static SealingKey Create(RecipientKey recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        using var ephemeral = PrivateKey.Generate();
        var shared = ephemeral.SharedSecretPoint(recipient.PublicKey);
        try
        {
            var ephemeralPublicKey = ephemeral.PublicKey.ToArray();
            return new SealingKey(recipient.Address, ephemeralPublicKey, RelayEnvelope.DeriveKey(shared.AsSpan(0, 32), ephemeralPublicKey, recipient.Address));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    public override string ToString() => $"SealingKey({Recipient})";
}
