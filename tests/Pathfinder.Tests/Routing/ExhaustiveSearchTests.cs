using Photon.Ethereum;
using Photon.Pathfinder.Routing;
using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Tests.Routing;

/// <summary>
/// On random small graphs, every route the search returns is the best (fee, then hops) of all simple paths that can
/// carry the value, found by enumerating them: the first over the whole graph, each further one over the graph
/// without the mediators of the routes before it (and without a direct channel already returned).
/// </summary>
public sealed class ExhaustiveSearchTests
{
    [Fact]
    public void The_search_matches_an_exhaustive_search_on_300_random_graphs()
    {
        var random = new Random(20261122);
        var compared = 0;
        var found = 0;
        for (var graph = 0; graph < 300; graph++)
        {
            var model = RandomModel(random);
            using var g = new GraphBuilder();
            foreach (var ((a, b), (capacityA, feeA, capacityB, feeB)) in model.Channels)
                g.Channel(model.Nodes[a], model.Nodes[b], capacityA, capacityB, feeA, feeB);
            foreach (var offline in model.Offline)
                g.Graph.SetOnline(model.Nodes[offline], online: false);
            for (var query = 0; query < 5; query++)
            {
                var (source, target) = (random.Next(model.Nodes.Length), random.Next(model.Nodes.Length));
                if (source == target)
                    continue;
                var value = new UInt256((ulong)random.Next(1, 60));
                var answer = PathSearch.Find(g.Graph, model.Nodes[source], model.Nodes[target], value, maxPaths: 4);
                var excludedNodes = new HashSet<int>();
                var excludedDirect = false;
                foreach (var route in answer.Routes)
                {
                    var path = new[] { source }.Concat(route.Hops.Select(h => Array.IndexOf(model.Nodes, h))).ToArray();
                    Assert.Equal(model.FeeIfCarries(path, value, excludedNodes, excludedDirect), route.Fee);
                    var best = Best(model, source, target, value, excludedNodes, excludedDirect);
                    Assert.True(best is not null, $"graph {graph}: the search found {route} where the exhaustive search found none");
                    Assert.Equal(best.Value, (route.Fee, route.Hops.Length));
                    compared++;
                    if (path.Length == 2)
                        excludedDirect = true;
                    foreach (var mediator in path[1..^1])
                        excludedNodes.Add(mediator);
                }
                if (answer.Routes.Count < 4)
                    Assert.Null(Best(model, source, target, value, excludedNodes, excludedDirect));
                found += answer.Routes.Count > 0 ? 1 : 0;
            }
        }
        // The random graphs must exercise routes, not only their absence.
        Assert.True(found > 300 && compared > 600, $"only {found} queries with routes, {compared} routes compared");
    }

    private static (UInt256 Fee, int Hops)? Best(Model model, int source, int target, UInt256 value, HashSet<int> excludedNodes, bool excludedDirect)
    {
        (UInt256 Fee, int Hops)? best = null;
        var path = new List<int> { source };
        void Walk(int node)
        {
            if (node == target)
            {
                if (model.FeeIfCarries([.. path], value, excludedNodes, excludedDirect) is { } fee
                    && (best is null || fee < best.Value.Fee || (fee == best.Value.Fee && path.Count - 1 < best.Value.Hops)))
                    best = (fee, path.Count - 1);
                return;
            }
            foreach (var next in model.Neighbours(node))
            {
                if (path.Contains(next))
                    continue;
                path.Add(next);
                Walk(next);
                path.RemoveAt(path.Count - 1);
            }
        }
        Walk(source);
        return best;
    }

    private static Model RandomModel(Random random)
    {
        var count = random.Next(3, 9);
        var nodes = Enumerable.Range(0, count).Select(i => GraphBuilder.Node("N" + i)).ToArray();
        var channels = new Dictionary<(int, int), (ulong, FeeSchedule, ulong, FeeSchedule)>();
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count; b++)
            {
                if (random.NextDouble() < 0.45)
                    channels[(a, b)] = ((ulong)random.Next(0, 80), RandomFee(random), (ulong)random.Next(0, 80), RandomFee(random));
            }
        }
        var offline = Enumerable.Range(0, count).Where(_ => random.NextDouble() < 0.1).ToArray();
        return new Model(nodes, channels, offline);
    }

    private static FeeSchedule RandomFee(Random random) => random.Next(4) switch
    {
        0 => FeeSchedule.Free,
        1 => new FeeSchedule(new UInt256((ulong)random.Next(0, 6)), 0),
        2 => new FeeSchedule(UInt256.Zero, (ulong)random.Next(0, 300_000)),
        _ => new FeeSchedule(new UInt256((ulong)random.Next(0, 4)), (ulong)random.Next(0, 100_000)),
    };

    private sealed record Model(Address[] Nodes, Dictionary<(int, int), (ulong CapacityA, FeeSchedule FeeA, ulong CapacityB, FeeSchedule FeeB)> Channels, int[] Offline)
    {
        public IEnumerable<int> Neighbours(int node) =>
            Channels.Keys.Where(k => k.Item1 == node || k.Item2 == node).Select(k => k.Item1 == node ? k.Item2 : k.Item1);

        private (ulong Capacity, FeeSchedule Fee)? Direction(int from, int to) =>
            Channels.TryGetValue((Math.Min(from, to), Math.Max(from, to)), out var c)
                ? (from < to ? (c.CapacityA, c.FeeA) : (c.CapacityB, c.FeeB))
                : null;

        /// <summary>The route's total fee when every channel can carry the value plus the fees after it and every mediator may be used; else null.</summary>
        public UInt256? FeeIfCarries(int[] path, UInt256 value, HashSet<int> excludedNodes, bool excludedDirect)
        {
            if (path.Length == 2 && excludedDirect)
                return null;
            var mediators = path[1..^1];
            if (mediators.Any(m => excludedNodes.Contains(m) || Offline.Contains(m)))
                return null;
            var after = UInt256.Zero;
            for (var i = path.Length - 2; i >= 0; i--)
            {
                if (Direction(path[i], path[i + 1]) is not { } edge || new UInt256(edge.Capacity) < value + after)
                    return null;
                if (i > 0)
                    after += edge.Fee.FeeFor(value)!.Value;
            }
            return after;
        }
    }
}
