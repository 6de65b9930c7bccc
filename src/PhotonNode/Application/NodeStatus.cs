using Photon.Ethereum;

namespace Photon.Node.Application;

/// <param name="Address">The node's address.</param>
/// <param name="ChainId">The chain the node is on.</param>
/// <param name="Registry">The TokenNetworkRegistry it follows.</param>
/// <param name="ConfirmedBlock">The newest block whose events the node has applied.</param>
/// <param name="ChainHead">The newest block the Ethereum node reported.</param>
/// <param name="Syncing">True while the applied block is more than the confirmation depth behind the head.</param>
/// <param name="TransportOnline">True while the relay (or LAN) transport is connected.</param>
/// <param name="Version">The node software's version.</param>
public sealed record NodeStatus(
    Address Address,
    ulong ChainId,
    Address Registry,
    ulong ConfirmedBlock,
    ulong ChainHead,
    bool Syncing,
    bool TransportOnline,
    string Version);
