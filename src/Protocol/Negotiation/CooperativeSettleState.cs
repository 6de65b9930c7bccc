using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Protocol.Negotiation;

/// <summary>
/// A CooperativeSettle this node has signed, with the partner's signature once it arrives. Once this
/// node has signed one, the channel is frozen: no balance proof may change it, since the signed balances
/// could be submitted at any time (docs/contracts.md); it stays frozen until the channel is settled, by
/// this settlement or after a close.
/// </summary>
public sealed record CooperativeSettleState(Address Participant1, UInt256 Balance1, Address Participant2, UInt256 Balance2, Signature? OurSignature, Signature? PartnerSignature)
{
    /// <summary>True once this node signed: no new balance proof, in either direction, is allowed.</summary>
    public bool Frozen => OurSignature is not null;

    /// <summary>The EIP-712 CooperativeSettle both participants sign.</summary>
    public CooperativeSettleProof ToProof(UInt256 channelId) => new(channelId, Participant1, Balance1, Participant2, Balance2);
}
