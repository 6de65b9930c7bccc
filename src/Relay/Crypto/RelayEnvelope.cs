using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;

namespace Photon.Relay.Crypto;

/// <summary>
/// The end-to-end encryption of a relay message body (docs/relay.md, normative):
/// <c>0x01 ‖ E (64) ‖ nonce (12) ‖ ciphertext ‖ tag (16)</c>, where the AES-256-GCM key is
/// HKDF-SHA256(ikm = x of ECDH(e, recipient), salt = E, info = "photon-relay-v1" ‖ recipient),
/// the associated data is <c>0x01 ‖ sender ‖ recipient</c> and the plaintext is
/// <c>envelope id (16) ‖ SignedMessage</c>.
/// </summary>
/// <remarks>
/// A receiver opens with the sender the relay names (<c>from</c>) and its own address in the
/// associated data, then verifies the signed message and requires its signer to be <c>from</c>:
/// a relay can drop or repeat envelopes but not read, forge, redirect or re-attribute them.
/// </remarks>
public static class RelayEnvelope
{
    public const byte Version = 0x01;
    public const int EphemeralKeyLength = 64;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int AesKeyLength = 32;

    /// <summary>Version, <c>E</c> and nonce: the bytes before the ciphertext.</summary>
    public const int HeaderLength = 1 + EphemeralKeyLength + NonceLength;

    /// <summary>Everything but the signed message: header, envelope id and tag.</summary>
    public const int Overhead = HeaderLength + EnvelopeId.Length + TagLength;

    /// <summary>
    /// Bodies longer than this are refused unread: the relay's own limit per message (64 KiB), far
    /// above the largest signed message <see cref="MessageCodec"/> accepts.
    /// </summary>
    public const int MaxLength = 64 * 1024;

    private const int AssociatedDataLength = 1 + Address.Length + Address.Length;

    private static ReadOnlySpan<byte> Info => "photon-relay-v1"u8;

    /// <summary>Seals <paramref name="message"/> (signed by <paramref name="sender"/>) for the recipient of <paramref name="key"/>.</summary>
    public static byte[] Seal(SealingKey key, Address sender, EnvelopeId id, SignedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Seal(key, sender, id, message.ToByteArray());
    }

    /// <summary>Seals any plaintext message bytes; public callers go through the <see cref="SignedMessage"/> overload.</summary>
    internal static byte[] Seal(SealingKey key, Address sender, EnvelopeId id, ReadOnlySpan<byte> signedMessage)
    {
        ArgumentNullException.ThrowIfNull(key);
        var body = new byte[Overhead + signedMessage.Length];
        if (body.Length > MaxLength)
            throw new ArgumentException($"the sealed message would be {body.Length} bytes; at most {MaxLength} are accepted", nameof(signedMessage));
        body[0] = Version;
        key.EphemeralPublicKey.CopyTo(body.AsSpan(1, EphemeralKeyLength));
        var nonce = body.AsSpan(1 + EphemeralKeyLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);

        var plaintextLength = EnvelopeId.Length + signedMessage.Length;
        var plaintext = ArrayPool<byte>.Shared.Rent(plaintextLength);
        try
        {
            id.WriteTo(plaintext);
            signedMessage.CopyTo(plaintext.AsSpan(EnvelopeId.Length));
            Span<byte> associatedData = stackalloc byte[AssociatedDataLength];
            WriteAssociatedData(associatedData, sender, key.Recipient);
            using var aes = new AesGcm(key.AesKey, TagLength);
            aes.Encrypt(nonce, plaintext.AsSpan(0, plaintextLength), body.AsSpan(HeaderLength, plaintextLength), body.AsSpan(HeaderLength + plaintextLength), associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, plaintextLength));
            ArrayPool<byte>.Shared.Return(plaintext);
        }
        return body;
    }

    /// <summary>Opens a body the relay delivered as sent by <paramref name="from"/>. Throws <see cref="EnvelopeRefusedException"/>.</summary>
    public static OpenedEnvelope Open(ReadOnlySpan<byte> body, Address from, DerivedKeyCache keys)
    {
        var refusal = OpenCore(body, from, keys, out var opened, out var problem);
        return refusal is { } reason ? throw new EnvelopeRefusedException(reason, problem) : opened!;
    }

    /// <summary>
    /// Opens a body the relay delivered as sent by <paramref name="from"/>; on refusal returns false
    /// with the reason and a sentence for the log.
    /// </summary>
    public static bool TryOpen(ReadOnlySpan<byte> body, Address from, DerivedKeyCache keys,
        [NotNullWhen(true)] out OpenedEnvelope? opened, out EnvelopeRefusal refusal, out string problem)
    {
        var result = OpenCore(body, from, keys, out opened, out problem);
        refusal = result ?? default;
        return result is null;
    }

    private static EnvelopeRefusal? OpenCore(ReadOnlySpan<byte> body, Address from, DerivedKeyCache keys, out OpenedEnvelope? opened, out string problem)
    {
        ArgumentNullException.ThrowIfNull(keys);
        opened = null;
        if (body.Length < Overhead)
        {
            problem = $"the envelope is {body.Length} bytes; the smallest possible has {Overhead}";
            return EnvelopeRefusal.Truncated;
        }
        if (body.Length > MaxLength)
        {
            problem = $"the envelope is {body.Length} bytes; at most {MaxLength} are accepted";
            return EnvelopeRefusal.TooLarge;
        }
        if (body[0] != Version)
        {
            problem = $"envelope version {body[0]} is not supported (only {Version})";
            return EnvelopeRefusal.UnsupportedVersion;
        }
        var ephemeralPublicKey = body.Slice(1, EphemeralKeyLength);
        var nonce = body.Slice(1 + EphemeralKeyLength, NonceLength);
        var ciphertext = body[HeaderLength..^TagLength];
        var tag = body[^TagLength..];

        var cached = keys.TryGet(ephemeralPublicKey, out var aesKey);
        if (!cached)
        {
            try
            {
                aesKey = keys.Derive(ephemeralPublicKey);
            }
            catch (InvalidPublicKeyException e)
            {
                problem = $"the ephemeral key is unusable: {e.Message}";
                return EnvelopeRefusal.InvalidEphemeralKey;
            }
        }

        var plaintext = ArrayPool<byte>.Shared.Rent(ciphertext.Length);
        try
        {
            Span<byte> associatedData = stackalloc byte[AssociatedDataLength];
            WriteAssociatedData(associatedData, from, keys.Recipient);
            try
            {
                using var aes = new AesGcm(aesKey, TagLength);
                aes.Decrypt(nonce, ciphertext, tag, plaintext.AsSpan(0, ciphertext.Length), associatedData);
            }
            catch (AuthenticationTagMismatchException)
            {
                problem = $"the envelope does not authenticate as sent by {from} to {keys.Recipient}";
                return EnvelopeRefusal.AuthenticationFailed;
            }
            // Only keys that authenticated something are cached, so garbage cannot evict good keys.
            if (!cached)
                keys.Add(ephemeralPublicKey, aesKey);

            var id = EnvelopeId.Read(plaintext);
            VerifiedMessage message;
            try
            {
                message = MessageCodec.Open(plaintext.AsSpan(EnvelopeId.Length, ciphertext.Length - EnvelopeId.Length));
            }
            catch (InvalidMessageException e)
            {
                problem = $"the envelope from {from} holds no valid signed message: {e.Message}";
                return EnvelopeRefusal.InvalidSignedMessage;
            }
            if (message.Sender != from)
            {
                problem = $"the envelope from {from} holds a message signed by {message.Sender}";
                return EnvelopeRefusal.SignerIsNotSender;
            }
            opened = new OpenedEnvelope(id, message);
            problem = "";
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext.AsSpan(0, ciphertext.Length));
            ArrayPool<byte>.Shared.Return(plaintext);
        }
    }

    /// <summary>HKDF-SHA256(ikm = x of the shared point, salt = E, info = "photon-relay-v1" ‖ recipient), 32 bytes.</summary>
    internal static byte[] DeriveKey(ReadOnlySpan<byte> sharedX, ReadOnlySpan<byte> ephemeralPublicKey, Address recipient)
    {
        Span<byte> info = stackalloc byte[Info.Length + Address.Length];
        Info.CopyTo(info);
        recipient.WriteTo(info[Info.Length..]);
        var key = new byte[AesKeyLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedX, key, ephemeralPublicKey, info);
        return key;
    }

    private static void WriteAssociatedData(Span<byte> destination, Address sender, Address recipient)
    {
        destination[0] = Version;
        sender.WriteTo(destination[1..]);
        recipient.WriteTo(destination[(1 + Address.Length)..]);
    }
}
