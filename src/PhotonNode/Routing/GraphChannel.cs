using Photon.Ethereum;

namespace Photon.Node.Routing;

/// <summary>
/// A channel of the network as the chain shows it: who is in it and what they deposited and withdrew.
/// Off-chain balances are not known here, so <see cref="Capacity"/> (everything the channel holds) is
/// an upper bound of what either direction can carry.
/// </summary>
public sealed record GraphChannel(UInt256 ChannelId, Address Participant1, Address Participant2)
{
    public UInt256 Deposit1 { get; init; }

    public UInt256 Deposit2 { get; init; }

    public UInt256 Withdrawn1 { get; init; }

    public UInt256 Withdrawn2 { get; init; }

    public bool Closed { get; init; }

    /// <summary>Deposits minus withdrawals; zero if the books would go negative (never on a sound chain).</summary>
    public UInt256 Capacity
    {
        get
        {
            var deposits = Deposit1 + Deposit2;
            var withdrawn = Withdrawn1 + Withdrawn2;
            return deposits >= withdrawn ? deposits - withdrawn : UInt256.Zero;
        }
    }

    public Address PartnerOf(Address participant) => participant == Participant1 ? Participant2 : Participant1;
}
