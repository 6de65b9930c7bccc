namespace Photon.Relay.Crypto;

/// <summary>Why a receiver refused a relay message body (<see cref="RelayEnvelope.TryOpen"/>).</summary>
public enum EnvelopeRefusal
{
    /// <summary>Shorter than the smallest possible envelope.</summary>
    Truncated,

    /// <summary>Longer than <see cref="RelayEnvelope.MaxLength"/>; refused unread.</summary>
    TooLarge,

    /// <summary>The first byte is not <see cref="RelayEnvelope.Version"/>.</summary>
    UnsupportedVersion,

    /// <summary>The ephemeral key is not a point on secp256k1.</summary>
    InvalidEphemeralKey,

    /// <summary>
    /// AES-GCM refused the tag: the bytes were changed, the envelope was sealed for someone else,
    /// or the relay names a sender other than the one who sealed it.
    /// </summary>
    AuthenticationFailed,

    /// <summary>The plaintext does not hold a <c>SignedMessage</c> that <c>MessageCodec.Open</c> accepts.</summary>
    InvalidSignedMessage,

    /// <summary>The message is validly signed, but not by the sender the relay names.</summary>
    SignerIsNotSender,
}
