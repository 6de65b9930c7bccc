using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Protocol.StateChanges;

/// <summary>
/// A message from a peer whose envelope signature verified (<c>MessageCodec.Open</c>): <see cref="Sender"/>
/// is the address that signed it. Everything inside is still unchecked.
/// </summary>
public sealed record ReceiveMessage(Address Sender, Message Message) : StateChange;
