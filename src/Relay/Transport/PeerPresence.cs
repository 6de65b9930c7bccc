using Photon.Ethereum;

namespace Photon.Relay.Transport;

/// <summary>
/// Whether a peer is reachable now, and how long ago it was last seen (null when never, or when
/// the transport does not know, e.g. after a relay restart).
/// </summary>
public sealed record PeerPresence(Address Peer, bool IsOnline, TimeSpan? LastActiveAgo);
