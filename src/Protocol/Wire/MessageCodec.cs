using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;

namespace Photon.Protocol.Wire;

/// <summary>
/// The <c>SignedMessage</c> envelope of DESIGN.md §6: the sender signs keccak256(body); a
/// receiver checks the signature before it parses the body, and accepts only canonical bodies
/// (re-encoding what it parsed must give the same bytes), so every hash over a message — the
/// envelope's, and the additional hash inside balance proofs — has one value in every language.
/// </summary>
public static class MessageCodec
{
    /// <summary>
    /// Bodies larger than this are refused unread. The largest legitimate message, a mediated
    /// transfer with a long route, is a few KiB.
    /// </summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const int MaxEnvelopeBytes = MaxBodyBytes + 128;

    // Unknown fields are dropped while parsing, so a body that had any fails the canonical check.
    private static readonly MessageParser<SignedMessage> EnvelopeParser = SignedMessage.Parser.WithDiscardUnknownFields(true);
    private static readonly MessageParser<Message> BodyParser = Message.Parser.WithDiscardUnknownFields(true);

    public static SignedMessage Sign(Message message, PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(key);
        if (message.PayloadCase == Message.PayloadOneofCase.None)
            throw new ArgumentException("a message needs a payload", nameof(message));
        var body = message.ToByteString();
        if (body.Length > MaxBodyBytes)
            throw new ArgumentException($"the message is {body.Length} bytes; at most {MaxBodyBytes} are accepted", nameof(message));
        var signature = key.Sign(Keccak256.Hash(body.Span));
        return new SignedMessage { Body = body, Signature = WireValues.Encode(signature) };
    }

    /// <summary>Parses and verifies an encoded <c>SignedMessage</c>.</summary>
    /// <exception cref="InvalidMessageException">Anything about it that a receiver must refuse.</exception>
    public static VerifiedMessage Open(ReadOnlySpan<byte> signedMessage)
    {
        if (signedMessage.Length > MaxEnvelopeBytes)
            throw new InvalidMessageException($"the message is {signedMessage.Length} bytes; at most {MaxEnvelopeBytes} are accepted");
        var envelope = Parse(EnvelopeParser, signedMessage, "signed message");
        RequireCanonical(envelope, signedMessage, "signed message");
        return Open(envelope);
    }

    /// <summary>Verifies a parsed <c>SignedMessage</c> (a transport that already parsed the envelope).</summary>
    /// <exception cref="InvalidMessageException">Anything about it that a receiver must refuse.</exception>
    public static VerifiedMessage Open(SignedMessage envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Body.Length > MaxBodyBytes)
            throw new InvalidMessageException($"the body is {envelope.Body.Length} bytes; at most {MaxBodyBytes} are accepted");
        var signature = WireValues.ReadSignature(envelope.Signature, "signature");
        var bodyHash = Keccak256.Hash(envelope.Body.Span);
        if (!Secp256k1.TryRecoverAddress(bodyHash, signature, out var sender))
            throw new InvalidMessageException("signature: no public key recovers from it");
        var message = Parse(BodyParser, envelope.Body.Span, "body");
        RequireCanonical(message, envelope.Body.Span, "body");
        if (message.PayloadCase == Message.PayloadOneofCase.None)
            throw new InvalidMessageException("body: the message has no payload (or one this version does not know)");
        return new VerifiedMessage(sender, message, bodyHash);
    }

    /// <summary>
    /// The <c>additionalHash</c> of the proof a message carries: keccak256 of the canonical body
    /// with the proof's own signature left empty (the balance proof's, or AnnounceDisposed's
    /// <c>disposed_signature</c>), so the proof binds every other field of its message.
    /// </summary>
    public static Hash256 AdditionalHash(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var unsigned = message.Clone();
        switch (unsigned.PayloadCase)
        {
            case Message.PayloadOneofCase.DirectTransfer:
                ClearSignature(unsigned.DirectTransfer.BalanceProof);
                break;
            case Message.PayloadOneofCase.MediatedTransfer:
                ClearSignature(unsigned.MediatedTransfer.BalanceProof);
                break;
            case Message.PayloadOneofCase.Unlock:
                ClearSignature(unsigned.Unlock.BalanceProof);
                break;
            case Message.PayloadOneofCase.LockExpired:
                ClearSignature(unsigned.LockExpired.BalanceProof);
                break;
            case Message.PayloadOneofCase.AnnounceDisposedResponse:
                ClearSignature(unsigned.AnnounceDisposedResponse.BalanceProof);
                break;
            case Message.PayloadOneofCase.AnnounceDisposed:
                unsigned.AnnounceDisposed.DisposedSignature = ByteString.Empty;
                break;
            default:
                throw new ArgumentException($"a {unsigned.PayloadCase} message carries no proof with an additional hash", nameof(message));
        }
        return Keccak256.Hash(unsigned.ToByteArray());
    }

    private static void ClearSignature(BalanceProof? proof)
    {
        if (proof is not null)
            proof.Signature = ByteString.Empty;
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySpan<byte> bytes, string what)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidMessageException($"{what}: not a valid protobuf encoding ({e.Message})", e);
        }
    }

    private static void RequireCanonical(IMessage parsed, ReadOnlySpan<byte> received, string what)
    {
        if (!received.SequenceEqual(parsed.ToByteArray()))
            throw new InvalidMessageException($"{what}: not the canonical encoding (fields out of order, repeated, default values written, or unknown fields)");
    }
}
