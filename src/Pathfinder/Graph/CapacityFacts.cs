using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>
/// What one participant's verified capacity update says: the partner's transferred amount and the nonce of the
/// partner-signed proof it comes from, and the participant's own latest nonce and pending locked amount.
/// </summary>
public sealed record CapacityFacts(UInt256 PartnerTransferred, UInt256 PartnerNonce, UInt256 OwnNonce, UInt256 OwnLocked);
