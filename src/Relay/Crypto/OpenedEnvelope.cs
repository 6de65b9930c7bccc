using Photon.Protocol.Wire;

namespace Photon.Relay.Crypto;

/// <summary>
/// An envelope that opened: it was sealed for us by the sender the relay named, and
/// <see cref="Message"/> is signed by that same sender (<c>Message.Sender</c> is the relay's <c>from</c>).
/// </summary>
public sealed record OpenedEnvelope(EnvelopeId Id, VerifiedMessage Message);
