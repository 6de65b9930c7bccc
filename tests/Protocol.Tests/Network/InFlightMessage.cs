using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// A signed envelope on its way: <see cref="Bytes"/> is the encoded <c>SignedMessage</c> exactly as the
/// recipient will read it. <see cref="From"/> is who put it on the wire (the envelope may say otherwise
/// when a test forges one); <see cref="MessageId"/> and <see cref="Kind"/> are for assertions and failure messages.
/// </summary>
internal sealed record InFlightMessage(Address From, Address To, byte[] Bytes, ulong MessageId, Message.PayloadOneofCase Kind)
{
    public override string ToString() => $"{Kind} #{MessageId} {From} → {To}";
}
