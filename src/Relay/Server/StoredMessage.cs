using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>A queued message: its place in the relay's stream, who sent it (as logged in) and its opaque body.</summary>
public sealed record StoredMessage(long Position, Address Sender, byte[] Body);
