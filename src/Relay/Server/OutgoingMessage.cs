using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>One message of a sendToDevice request: its recipient and its opaque (encrypted) body.</summary>
public sealed record OutgoingMessage(Address To, byte[] Body);
