using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Protocol.State;

/// <summary>
/// A message this node sent and must keep sending until its recipient acknowledges it (DESIGN.md §6):
/// the shell re-sends every entry of <see cref="NodeState.Outbox"/> until a <c>Processed</c> or
/// <c>Delivered</c> naming its id removes it. Re-sends are byte-identical, since the message (its
/// id included) is stored whole.
/// </summary>
public sealed record OutgoingMessage(Address Recipient, Message Message)
{
    public ulong MessageId => Message.MessageId;
}
