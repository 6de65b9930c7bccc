using Photon.Ethereum;
using Photon.Pathfinder.Graph;
using Photon.Pathfinder.Tests.Routing;
using Photon.Protocol.Routing;
using static Photon.Pathfinder.Tests.Routing.GraphBuilder;

namespace Photon.Pathfinder.Tests.Graph;

/// <summary>Capacities from both ends' updates and the chain, and the order rules that refuse stale updates.</summary>
public sealed class ChannelGraphTests
{
    private static readonly Address A = Node("A");
    private static readonly Address B = Node("B");

    [Fact]
    public void Capacity_of_a_direction_uses_both_ends_latest_proofs_its_locks_and_the_chain_totals()
    {
        using var g = new GraphBuilder();
        var channel = g.Channel("A", "B", 100, 50);
        g.Graph.SetWithdrawn(channel, A, new UInt256(10));

        // A holds B's proof: B paid A 7; A has 5 locked towards B. B holds A's proof: A paid B 20.
        Assert.Equal(GraphChange.Applied, g.Graph.SetCapacity(channel, A, new CapacityFacts(new UInt256(7), new UInt256(2), new UInt256(4), new UInt256(5))));
        Assert.Equal(GraphChange.Applied, g.Graph.SetCapacity(channel, B, new CapacityFacts(new UInt256(20), new UInt256(4), new UInt256(2), UInt256.Zero)));

        // A: 100 − 10 + 7 − 20 − 5 = 72. B: 50 + 20 − 7 − 0 = 63.
        Assert.Equal(new UInt256(72), g.Graph.Direction(channel, A)!.Capacity);
        Assert.Equal(new UInt256(63), g.Graph.Direction(channel, B)!.Capacity);
    }

    [Fact]
    public void A_capacity_update_with_a_lower_nonce_or_the_same_nonces_and_other_values_is_stale_and_changes_nothing()
    {
        using var g = new GraphBuilder();
        var channel = g.Channel("A", "B", 100, 0);
        var newest = new CapacityFacts(new UInt256(0), new UInt256(0), new UInt256(3), new UInt256(30));
        Assert.Equal(GraphChange.Applied, g.Graph.SetCapacity(channel, A, newest));

        Assert.Equal(GraphChange.Stale, g.Graph.SetCapacity(channel, A, newest with { OwnNonce = new UInt256(2), OwnLocked = UInt256.Zero }));
        Assert.Equal(GraphChange.Stale, g.Graph.SetCapacity(channel, A, newest with { OwnLocked = UInt256.Zero }));
        Assert.Equal(GraphChange.Unchanged, g.Graph.SetCapacity(channel, A, newest));
        Assert.Equal(new UInt256(70), g.Graph.Direction(channel, A)!.Capacity);
    }

    [Fact]
    public void Updates_for_a_channel_that_is_not_open_or_from_a_non_participant_are_refused()
    {
        using var g = new GraphBuilder();
        var channel = g.Channel("A", "B", 100, 0);
        var facts = new CapacityFacts(UInt256.Zero, UInt256.Zero, UInt256.One, UInt256.Zero);

        Assert.Equal(GraphChange.NotParticipant, g.Graph.SetCapacity(channel, Node("C"), facts));
        Assert.Equal(GraphChange.ChannelNotOpen, g.Graph.SetFees(new UInt256(99), A, FeeSchedule.Free, UInt256.One));
        g.Graph.Remove(channel);
        Assert.Equal(GraphChange.ChannelNotOpen, g.Graph.SetCapacity(channel, A, facts));
        Assert.Null(g.Graph.Direction(channel, A));
    }

    [Fact]
    public void A_fee_update_needs_a_higher_sequence()
    {
        using var g = new GraphBuilder();
        var channel = g.Channel("A", "B", 100, 0);
        var fees = new FeeSchedule(new UInt256(3), 100);

        Assert.Equal(GraphChange.Applied, g.Graph.SetFees(channel, A, fees, new UInt256(5)));
        Assert.Equal(GraphChange.Unchanged, g.Graph.SetFees(channel, A, fees, new UInt256(5)));
        Assert.Equal(GraphChange.Stale, g.Graph.SetFees(channel, A, FeeSchedule.Free, new UInt256(5)));
        Assert.Equal(GraphChange.Stale, g.Graph.SetFees(channel, A, FeeSchedule.Free, new UInt256(4)));
        Assert.Equal(fees, g.Graph.Direction(channel, A)!.Fees);
    }

    [Fact]
    public void The_summary_counts_nodes_with_an_open_channel_those_online_channels_and_capacity()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 100, 50);
        var closed = g.Channel("C", "D", 10, 10);
        g.Channel("B", "E", 5, 0);
        g.Graph.SetOnline(Node("E"), online: false);
        g.Graph.Remove(closed);

        var summary = g.Graph.Summary();

        Assert.Equal((3, 2, 2, new System.Numerics.BigInteger(155)), (summary.Nodes, summary.OnlineNodes, summary.Channels, summary.TotalCapacity));
    }
}
