using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Graph;

/// <summary>
/// One participant's end of a channel as the pathfinder knows it: its on-chain totals, and what its own signed
/// updates said (the partner's latest balance proof it holds, its own pending locks, its fee schedule).
/// </summary>
internal sealed class ChannelSide(Address participant)
{
    public Address Participant { get; } = participant;

    public UInt256 Deposit { get; set; }

    public UInt256 Withdrawn { get; set; }

    /// <summary>The partner's transferred amount, from the partner-signed proof this side sent last (0 before any).</summary>
    public UInt256 PartnerTransferred { get; set; }

    /// <summary>The nonce of that partner proof: a capacity update with a lower one is stale.</summary>
    public UInt256 PartnerNonce { get; set; }

    /// <summary>The nonce of this side's own latest proof, as it reported it: orders updates that change only its locks.</summary>
    public UInt256 OwnNonce { get; set; }

    /// <summary>What this side has locked towards the partner and not yet unlocked or expired (self-reported).</summary>
    public UInt256 OwnLocked { get; set; }

    public FeeSchedule Fees { get; set; } = FeeSchedule.Free;

    /// <summary>The sequence of the fee update in force: a fee update must carry a higher one.</summary>
    public UInt256 FeeSequence { get; set; }
}
