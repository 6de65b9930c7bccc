using Photon.Ethereum;
using Photon.Pathfinder.Routing;
using Photon.Protocol.Routing;
using static Photon.Pathfinder.Tests.Routing.GraphBuilder;

namespace Photon.Pathfinder.Tests.Routing;

/// <summary>Routes on hand-built graphs: cheapest by fee, capacity, direction, alternatives, and the reasons for none.</summary>
public sealed class PathSearchTests
{
    private static string Show(Route route) => string.Concat(route.Hops.Select(Name));

    private static string Name(Address address) => System.Text.Encoding.ASCII.GetString(address.ToArray()).TrimStart('\0', '\u0011');

    [Fact]
    public void Takes_the_cheaper_of_two_mediators_even_over_a_longer_route()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 100, 100);
        g.Channel("B", "D", 100, 100, feeA: Flat(5));
        g.Channel("A", "C", 100, 100);
        g.Channel("C", "E", 100, 100, feeA: Flat(1));
        g.Channel("E", "D", 100, 100, feeA: Flat(1));

        var answer = PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(10), maxPaths: 1);

        var route = Assert.Single(answer.Routes);
        Assert.Equal("CED", Show(route));
        Assert.Equal(new UInt256(2), route.Fee);
    }

    [Fact]
    public void Among_equal_fees_takes_the_route_with_fewer_hops()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 100, 100);
        g.Channel("B", "C", 100, 100);
        g.Channel("C", "D", 100, 100);
        g.Channel("A", "E", 100, 100);
        g.Channel("E", "D", 100, 100);

        Assert.Equal("ED", Show(PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(10), 1).Routes[0]));
    }

    [Fact]
    public void The_proportional_fee_is_on_the_target_amount_as_mediators_check_it()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 1_000_000, 0);
        g.Channel("B", "C", 1_000_000, 0, feeA: new FeeSchedule(new UInt256(3), 2_500));

        var route = PathSearch.Find(g.Graph, Node("A"), Node("C"), new UInt256(400_000), 1).Routes[0];

        // 3 + 400,000 × 2,500 / 10^6 = 1,003; the mediator's own check computes the same.
        Assert.Equal(new UInt256(1_003), route.Fee);
        Assert.Equal(new FeeSchedule(new UInt256(3), 2_500).FeeFor(new UInt256(400_000)), route.Fee);
    }

    [Fact]
    public void A_channel_must_carry_the_value_plus_the_fees_of_the_mediators_after_it()
    {
        using var g = new GraphBuilder();
        // A–B can carry 104 but the route through B and C needs 100 + 3 + 2 = 105 on it.
        g.Channel("A", "B", 104, 0);
        g.Channel("B", "C", 200, 0, feeA: Flat(3));
        g.Channel("C", "D", 200, 0, feeA: Flat(2));
        g.Channel("A", "X", 200, 0);
        g.Channel("X", "D", 200, 0, feeA: Flat(9));

        var route = Assert.Single(PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(100), 1).Routes);

        Assert.Equal(("XD", new UInt256(9)), (Show(route), route.Fee));
        Assert.Equal(("BCD", new UInt256(5)), ShowFirst(PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(99), 1)));
    }

    [Fact]
    public void Capacity_is_per_direction()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 0, 100);

        Assert.Empty(PathSearch.Find(g.Graph, Node("A"), Node("B"), new UInt256(1), 1).Routes);
        Assert.Equal("A", Show(PathSearch.Find(g.Graph, Node("B"), Node("A"), new UInt256(100), 1).Routes[0]));
        Assert.Empty(PathSearch.Find(g.Graph, Node("B"), Node("A"), new UInt256(101), 1).Routes);
    }

    [Fact]
    public void A_mediator_charges_by_the_channel_it_forwards_out_through()
    {
        using var g = new GraphBuilder();
        var ab = g.Channel("A", "B", 100, 100, feeA: Flat(50), feeB: Flat(40));
        g.Channel("B", "C", 100, 100, feeA: Flat(7), feeB: Flat(30));

        Assert.Equal(new UInt256(7), PathSearch.Find(g.Graph, Node("A"), Node("C"), new UInt256(10), 1).Routes[0].Fee);
        Assert.Equal(new UInt256(40), PathSearch.Find(g.Graph, Node("C"), Node("A"), new UInt256(10), 1).Routes[0].Fee);
        Assert.NotEqual(UInt256.Zero, ab);
    }

    [Fact]
    public void Alternatives_avoid_the_mediators_of_earlier_routes_and_come_cheapest_first()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "T", 100, 0);
        foreach (var (mediator, fee) in new[] { ("B", 3UL), ("C", 1UL), ("D", 2UL) })
        {
            g.Channel("A", mediator, 100, 0);
            g.Channel(mediator, "T", 100, 0, feeA: Flat(fee));
        }
        // A route through B and C both, dearer than either alone: never offered once C is used.
        g.Channel("C", "B", 100, 0, feeA: Flat(0));

        var answer = PathSearch.Find(g.Graph, Node("A"), Node("T"), new UInt256(10), maxPaths: 5);

        Assert.Equal(["T", "CT", "DT", "BT"], answer.Routes.Select(Show));
        Assert.Equal([0UL, 1UL, 2UL, 3UL], answer.Routes.Select(r => (ulong)r.Fee));
    }

    [Fact]
    public void Offline_mediators_are_avoided_when_another_route_exists()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 100, 0);
        g.Channel("B", "D", 100, 0);
        g.Channel("A", "C", 100, 0);
        g.Channel("C", "D", 100, 0, feeA: Flat(5));
        g.Graph.SetOnline(Node("B"), online: false);

        Assert.Equal("CD", Show(PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(10), 1).Routes[0]));
        g.Graph.SetOnline(Node("B"), online: true);
        Assert.Equal("BD", Show(PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(10), 1).Routes[0]));
    }

    [Fact]
    public void A_closed_channel_disappears_from_routing()
    {
        using var g = new GraphBuilder();
        var ab = g.Channel("A", "B", 100, 0);
        g.Channel("B", "C", 100, 0);

        g.Graph.Remove(ab);

        var answer = PathSearch.Find(g.Graph, Node("A"), Node("C"), new UInt256(1), 1);
        Assert.Empty(answer.Routes);
        Assert.Equal($"{Node("A")} has no open channel in this token network", answer.NoRouteReason);
        Assert.Null(g.Graph.Participants(ab));
    }

    [Fact]
    public void No_route_says_why()
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 10, 0);
        g.Channel("C", "D", 10, 0);

        Assert.Equal($"no route from {Node("A")} to {Node("D")} can carry 1 with its fees (channels, capacities, online mediators)",
            PathSearch.Find(g.Graph, Node("A"), Node("D"), new UInt256(1), 1).NoRouteReason);
        Assert.Equal($"{Node("Z")} has no open channel in this token network", PathSearch.Find(g.Graph, Node("A"), Node("Z"), new UInt256(1), 1).NoRouteReason);
    }

    [Theory]
    [InlineData(0UL, 1, "value")]
    [InlineData(1UL, 0, "maxPaths")]
    [InlineData(1UL, 11, "maxPaths")]
    public void Refuses_a_zero_value_and_maxPaths_out_of_range(ulong value, int maxPaths, string parameter)
    {
        using var g = new GraphBuilder();
        g.Channel("A", "B", 10, 0);

        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => PathSearch.Find(g.Graph, Node("A"), Node("B"), new UInt256(value), maxPaths)).ParamName);
    }

    private static (string, UInt256) ShowFirst(PathAnswer answer) => (Show(answer.Routes[0]), answer.Routes[0].Fee);
}
