using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Node.Routing;

/// <summary>
/// Routes from the node's own view (pure): for each of our partners that can carry the amount (our exact
/// balance), the shortest path from that partner to the target over open channels whose capacity could
/// carry it, never through us. One route per first hop, shortest first, so a payment that fails on one
/// first hop is retried through another. The own view knows no fee schedules: routes carry fee 0, and a
/// mediator that charges refuses them (the pathfinder, issue 7, brings fees).
/// </summary>
public static class RouteFinder
{
    /// <param name="our">The initiator.</param>
    /// <param name="target">The payee.</param>
    /// <param name="amount">What the target must receive.</param>
    /// <param name="ourBalances">What we can pay each partner now, from our channel state.</param>
    /// <param name="channels">The open channels of the token network.</param>
    /// <param name="maxRoutes">At most this many routes.</param>
    /// <param name="maxHops">Paths longer than this many hops are not considered.</param>
    public static IReadOnlyList<Route> Find(
        Address our,
        Address target,
        UInt256 amount,
        IReadOnlyDictionary<Address, UInt256> ourBalances,
        IReadOnlyList<GraphChannel> channels,
        int maxRoutes = 3,
        int maxHops = 8)
    {
        ArgumentNullException.ThrowIfNull(ourBalances);
        ArgumentNullException.ThrowIfNull(channels);
        if (target == our)
            return [];
        var neighbours = new Dictionary<Address, List<Address>>();
        foreach (var channel in channels)
        {
            if (channel.Closed || channel.Capacity < amount || channel.Participant1 == our || channel.Participant2 == our)
                continue;
            Add(neighbours, channel.Participant1, channel.Participant2);
            Add(neighbours, channel.Participant2, channel.Participant1);
        }

        var routes = new List<Route>();
        foreach (var (partner, balance) in ourBalances.OrderBy(p => p.Key))
        {
            if (balance < amount)
                continue;
            if (ShortestPath(partner, target, neighbours, maxHops) is { } path)
                routes.Add(new Route(path, UInt256.Zero));
        }
        return [.. routes.OrderBy(r => r.Hops.Length).ThenBy(r => r.FirstHop).Take(maxRoutes)];
    }

    private static void Add(Dictionary<Address, List<Address>> neighbours, Address from, Address to)
    {
        if (!neighbours.TryGetValue(from, out var list))
            neighbours[from] = list = [];
        list.Add(to);
    }

    /// <summary>Breadth-first from <paramref name="start"/>; the path lists start … target, or null.</summary>
    private static ImmutableArray<Address>? ShortestPath(Address start, Address target, Dictionary<Address, List<Address>> neighbours, int maxHops)
    {
        if (start == target)
            return [start];
        var previous = new Dictionary<Address, Address> { [start] = start };
        var frontier = new List<Address> { start };
        for (var hops = 1; hops < maxHops && frontier.Count > 0; hops++)
        {
            var next = new List<Address>();
            // Sorted expansion: the same graph always gives the same route.
            foreach (var node in frontier)
            {
                if (!neighbours.TryGetValue(node, out var list))
                    continue;
                foreach (var neighbour in list.Order())
                {
                    if (!previous.TryAdd(neighbour, node))
                        continue;
                    if (neighbour == target)
                        return Walk(previous, start, target);
                    next.Add(neighbour);
                }
            }
            frontier = next;
        }
        return null;
    }

    private static ImmutableArray<Address> Walk(Dictionary<Address, Address> previous, Address start, Address target)
    {
        var path = new List<Address> { target };
        for (var node = target; node != start;)
        {
            node = previous[node];
            path.Add(node);
        }
        path.Reverse();
        return [.. path];
    }
}
