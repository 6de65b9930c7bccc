using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Protocol.Events;

/// <summary>
/// Send <see cref="Message"/> to <see cref="Recipient"/>; the shell wraps it in a SignedMessage with the
/// node's key. Messages that expect an acknowledgement also sit in <c>NodeState.Outbox</c> until acked.
/// </summary>
public sealed record SendMessage(Address Recipient, Message Message) : Event;
