using Photon.Ethereum;
using Photon.Protocol.Wire;

namespace Photon.Relay.Transport;

/// <summary>
/// A message that arrived for this node. Its signature verified, and the transport checked that
/// the signer is the peer it came from: <see cref="Sender"/> equals <c>Message.Sender</c>.
/// </summary>
public sealed record ReceivedMessage(Address Sender, VerifiedMessage Message);
