using Photon.Ethereum;
using Photon.Node.Routing;

namespace Photon.Node.Tests.Routing;

public sealed class RouteFinderTests
{
    private static readonly Address A = Addr(0xA);
    private static readonly Address B = Addr(0xB);
    private static readonly Address C = Addr(0xC);
    private static readonly Address D = Addr(0xD);
    private static readonly Address E = Addr(0xE);

    [Fact]
    public void Pays_a_partner_directly_over_a_one_hop_route()
    {
        var routes = RouteFinder.Find(A, B, U(10), Balances((B, 50)), [Open(1, A, B, 50, 0)]);

        var route = Assert.Single(routes);
        Assert.Equal([B], route.Hops.ToArray());
        Assert.Equal(UInt256.Zero, route.Fee);
    }

    [Fact]
    public void Finds_the_shortest_path_through_mediators()
    {
        var channels = new[] { Open(1, A, B, 50, 0), Open(2, B, C, 50, 0), Open(3, C, D, 50, 0), Open(4, B, E, 50, 0), Open(5, E, D, 50, 0), Open(6, C, E, 50, 0) };

        var route = Assert.Single(RouteFinder.Find(A, D, U(10), Balances((B, 50)), channels));

        Assert.Equal(3, route.Hops.Length);
        Assert.Equal(B, route.FirstHop);
        Assert.Equal(D, route.Target);
    }

    [Fact]
    public void Skips_first_hops_whose_balance_cannot_carry_the_amount()
    {
        var channels = new[] { Open(1, A, B, 5, 0), Open(2, A, C, 50, 0), Open(3, B, D, 50, 0), Open(4, C, D, 50, 0) };

        var route = Assert.Single(RouteFinder.Find(A, D, U(10), Balances((B, 5), (C, 50)), channels));

        Assert.Equal(C, route.FirstHop);
    }

    [Fact]
    public void Offers_one_route_per_first_hop_shortest_first()
    {
        var channels = new[] { Open(1, A, B, 50, 0), Open(2, A, C, 50, 0), Open(3, B, D, 50, 0), Open(4, C, E, 50, 0), Open(5, E, D, 50, 0) };

        var routes = RouteFinder.Find(A, D, U(10), Balances((B, 50), (C, 50)), channels);

        Assert.Equal([[B, D], [C, E, D]], routes.Select(r => r.Hops.ToArray()).ToArray());
    }

    [Fact]
    public void Ignores_closed_channels_and_channels_too_small_for_the_amount()
    {
        var closed = Open(2, B, D, 50, 0) with { Closed = true };
        var small = Open(3, B, C, 4, 5);
        var channels = new[] { Open(1, A, B, 50, 0), closed, small, Open(4, C, D, 50, 0) };

        Assert.Empty(RouteFinder.Find(A, D, U(10), Balances((B, 50)), channels));
        Assert.Single(RouteFinder.Find(A, D, U(9), Balances((B, 50)), channels));
    }

    [Fact]
    public void Counts_withdrawals_against_a_channels_capacity()
    {
        var channels = new[] { Open(1, A, B, 50, 0), Open(2, B, D, 20, 0) with { Withdrawn1 = 15 } };

        Assert.Empty(RouteFinder.Find(A, D, U(10), Balances((B, 50)), channels));
        Assert.Single(RouteFinder.Find(A, D, U(5), Balances((B, 50)), channels));
    }

    [Fact]
    public void Never_routes_back_through_the_initiator()
    {
        // The only way from B to D is through A's own channel with C.
        var channels = new[] { Open(1, A, B, 50, 0), Open(2, A, C, 50, 0), Open(3, C, D, 50, 0) };

        var routes = RouteFinder.Find(A, D, U(10), Balances((B, 50)), channels);

        Assert.Empty(routes);
    }

    [Fact]
    public void Finds_no_route_to_ourselves_or_beyond_the_hop_limit()
    {
        var chain = new[] { Open(1, A, B, 50, 0), Open(2, B, C, 50, 0), Open(3, C, D, 50, 0), Open(4, D, E, 50, 0) };

        Assert.Empty(RouteFinder.Find(A, A, U(1), Balances((B, 50)), chain));
        Assert.Empty(RouteFinder.Find(A, E, U(1), Balances((B, 50)), chain, maxHops: 3));
        Assert.Single(RouteFinder.Find(A, E, U(1), Balances((B, 50)), chain, maxHops: 4));
    }

    private static GraphChannel Open(int id, Address p1, Address p2, ulong deposit1, ulong deposit2) =>
        new(new UInt256((ulong)id), p1, p2) { Deposit1 = deposit1, Deposit2 = deposit2 };

    private static Dictionary<Address, UInt256> Balances(params (Address Partner, ulong Balance)[] balances) =>
        balances.ToDictionary(b => b.Partner, b => new UInt256(b.Balance));

    private static UInt256 U(ulong value) => new(value);

    private static Address Addr(byte last)
    {
        var bytes = new byte[20];
        bytes[19] = last;
        return new Address(bytes);
    }
}
