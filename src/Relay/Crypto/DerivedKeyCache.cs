using System.Security.Cryptography;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Relay.Crypto;

/// <summary>
/// The receiver's side of the envelope: its private key and the AES keys it derived, by the
/// sender's ephemeral key <c>E</c>, so that the ~10,000 envelopes a sender seals under one
/// <c>E</c> cost one ECDH, not one each. Bounded (least recently used forgotten first);
/// thread-safe. The private key stays the caller's (it is not disposed here).
/// </summary>
public sealed class DerivedKeyCache
{
    public const int DefaultCapacity = 4096;

    private readonly PrivateKey _key;
    private readonly LruCache<byte[], byte[]> _keys;

    public DerivedKeyCache(PrivateKey recipientKey, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(recipientKey);
        _key = recipientKey;
        _keys = new LruCache<byte[], byte[]>(capacity, ByteArrayComparer.Instance);
        Recipient = recipientKey.Address;
    }

    /// <summary>The address envelopes are opened for.</summary>
    public Address Recipient { get; }

    public int Count => _keys.Count;

    internal bool TryGet(ReadOnlySpan<byte> ephemeralPublicKey, out byte[] aesKey) => _keys.TryGet(ephemeralPublicKey.ToArray(), out aesKey);

    /// <summary>One ECDH and HKDF. Throws <see cref="InvalidPublicKeyException"/> for a key that is not a curve point.</summary>
    internal byte[] Derive(ReadOnlySpan<byte> ephemeralPublicKey)
    {
        var shared = _key.SharedSecretPoint(ephemeralPublicKey);
        try
        {
            return RelayEnvelope.DeriveKey(shared.AsSpan(0, 32), ephemeralPublicKey, Recipient);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
        }
    }

    internal void Add(ReadOnlySpan<byte> ephemeralPublicKey, byte[] aesKey) => _keys.Set(ephemeralPublicKey.ToArray(), aesKey);
}
