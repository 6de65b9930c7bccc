using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>An open channel of the graph: its two ends, in the order the contract stores them.</summary>
internal sealed class GraphChannel(UInt256 id, Address participant1, Address participant2, int slot)
{
    public UInt256 Id { get; } = id;

    /// <summary>Index of the channel in the graph's edge table: directed edges 2·slot (1 → 2) and 2·slot + 1 (2 → 1).</summary>
    public int Slot { get; } = slot;

    public ChannelSide One { get; } = new(participant1);

    public ChannelSide Two { get; } = new(participant2);

    /// <summary>The side of <paramref name="participant"/>, or null when it is not in this channel.</summary>
    public ChannelSide? SideOf(Address participant) =>
        participant == One.Participant ? One : participant == Two.Participant ? Two : null;

    public ChannelSide PartnerOf(ChannelSide side) => ReferenceEquals(side, One) ? Two : One;

    /// <summary>
    /// What <paramref name="from"/> can still lock towards its partner: its deposit − withdrawn + what the partner
    /// paid it − what it paid the partner − its pending locks, never below zero. What it paid the partner comes from
    /// the partner's updates (the proof the partner holds), what the partner paid it from its own.
    /// </summary>
    public UInt256 CapacityOf(ChannelSide from)
    {
        var to = PartnerOf(from);
        var has = from.Deposit.ToBigInteger() - from.Withdrawn.ToBigInteger() + from.PartnerTransferred.ToBigInteger();
        var owes = to.PartnerTransferred.ToBigInteger() + from.OwnLocked.ToBigInteger();
        return has > owes ? UInt256.FromBigInteger(has - owes) : UInt256.Zero;
    }
}
