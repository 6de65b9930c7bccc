using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Pathfinder.Graph;
using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Routing;

/// <summary>
/// Cheapest routes for a payment (docs/pathfinder.md). Every mediator charges its fee schedule for the channel it
/// forwards out through, on the target amount (as the protocol checks it), so a route's fee is the sum of its
/// mediators' fees and the amount each channel must carry is the value plus the fees of the mediators after it.
/// The search runs backwards from the target (Dijkstra on (fee, hops)): a node's label is the fee that must reach
/// it, so the capacity test of an edge into it is exact, and since a lower label is never harder to carry, the
/// first label settled at the source is the cheapest feasible route (fewest hops among equals). Routes are
/// loop-free (a shortest-path tree). Each further route avoids the mediators of the routes before it (and a
/// direct channel already returned), so alternatives do not fail together when one mediator does.
/// </summary>
public static class PathSearch
{
    /// <summary>The most routes one query may ask for.</summary>
    public const int MaxPaths = 10;

    /// <summary>Values above this are refused: sums of a value and any fees must stay far from 2^256.</summary>
    public static readonly UInt256 MaxValue = new(0, 0, 0, 1UL << 62);

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <exception cref="ArgumentException">A value of zero or above <see cref="MaxValue"/>, maxPaths outside 1..<see cref="MaxPaths"/>, or from = to.</exception>
    public static PathAnswer Find(ChannelGraph graph, Address from, Address to, UInt256 value, int maxPaths)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (value.IsZero || value > MaxValue)
            throw new ArgumentException("the value must be above 0 and below 2^254", nameof(value));
        if (maxPaths is < 1 or > MaxPaths)
            throw new ArgumentException($"maxPaths must be between 1 and {MaxPaths}", nameof(maxPaths));
        if (from == to)
            throw new ArgumentException("a payment goes from one node to another", nameof(to));
        return graph.Search(view =>
        {
            if (!view.NodeIndex.TryGetValue(from, out var source) || view.Incoming[source].Count == 0)
                return PathAnswer.None($"{from} has no open channel in this token network");
            if (!view.NodeIndex.TryGetValue(to, out var target) || view.Incoming[target].Count == 0)
                return PathAnswer.None($"{to} has no open channel in this token network");
            var scratch = t_scratch ??= new Scratch();
            scratch.Reset(view.Nodes.Count);
            var fees = new FeeBasis(value);
            var routes = new List<Route>();
            var excludedEdges = new HashSet<int>();
            while (routes.Count < maxPaths && Cheapest(view, scratch, source, target, value, fees, excludedEdges) is { } found)
            {
                routes.Add(found.Route);
                if (found.Mediators.Count == 0)
                    excludedEdges.Add(found.FirstEdge);
                foreach (var mediator in found.Mediators)
                    scratch.Exclude(mediator);
            }
            return routes.Count > 0
                ? new PathAnswer(routes, null)
                : PathAnswer.None($"no route from {from} to {to} can carry {value} with its fees (channels, capacities, online mediators)");
        });
    }

    private static Found? Cheapest(SearchView view, Scratch s, int source, int target, UInt256 value, FeeBasis fees, HashSet<int> excludedEdges)
    {
        s.NextRound();
        var queue = s.Queue;
        queue.Clear();
        s.Label(target, UInt256.Zero, 0, -1);
        queue.Enqueue(target, (UInt256.Zero, 0));
        while (queue.TryDequeue(out var w, out _))
        {
            if (s.IsSettled(w))
                continue;
            s.Settle(w);
            if (w == source)
                return Build(view, s, source, target);
            var need = value + s.Cost[w];
            foreach (var d in view.Incoming[w])
            {
                ref readonly var edge = ref view.Edges[d];
                var u = edge.From;
                if (u == target || s.IsSettled(u) || edge.Capacity < need || excludedEdges.Contains(d))
                    continue;
                UInt256 cost;
                if (u == source)
                {
                    cost = s.Cost[w];
                }
                else
                {
                    if (view.Offline[u] || s.IsExcluded(u))
                        continue;
                    cost = s.Cost[w] + fees.FeeOf(edge);
                }
                var hops = s.Hops[w] + 1;
                if (!s.IsLabelled(u) || cost < s.Cost[u] || (cost == s.Cost[u] && hops < s.Hops[u]))
                {
                    s.Label(u, cost, hops, d);
                    queue.Enqueue(u, (cost, hops));
                }
            }
        }
        return null;
    }

    private static Found Build(SearchView view, Scratch s, int source, int target)
    {
        var hops = ImmutableArray.CreateBuilder<Address>(s.Hops[source]);
        var mediators = new List<int>();
        var node = source;
        while (node != target)
        {
            node = view.Edges[s.Next[node]].To;
            hops.Add(view.Nodes[node]);
            if (node != target)
                mediators.Add(node);
        }
        return new Found(new Route(hops.MoveToImmutable(), s.Cost[source]), mediators, s.Next[source]);
    }

    private sealed record Found(Route Route, List<int> Mediators, int FirstEdge);

    /// <summary>Per-thread labels, reused across queries: generation stamps instead of clearing 10^4-entry arrays.</summary>
    private sealed class Scratch
    {
        private int[] _labelled = [];
        private int[] _settled = [];
        private int[] _excluded = [];
        private int _round;
        private int _query;

        public UInt256[] Cost { get; private set; } = [];

        public int[] Hops { get; private set; } = [];

        public int[] Next { get; private set; } = [];

        public PriorityQueue<int, (UInt256 Cost, int Hops)> Queue { get; } = new(LabelOrder.Instance);

        /// <summary>Starts a query over <paramref name="nodes"/> nodes: nothing excluded.</summary>
        public void Reset(int nodes)
        {
            if (Cost.Length < nodes)
            {
                var size = Math.Max(nodes, Cost.Length * 2);
                Cost = new UInt256[size];
                Hops = new int[size];
                Next = new int[size];
                _labelled = new int[size];
                _settled = new int[size];
                _excluded = new int[size];
                _round = 0;
                _query = 0;
            }
            _query++;
        }

        /// <summary>Starts one search of the query: no node labelled or settled.</summary>
        public void NextRound() => _round++;

        public void Exclude(int node) => _excluded[node] = _query;

        public bool IsExcluded(int node) => _excluded[node] == _query;

        public bool IsLabelled(int node) => _labelled[node] == _round;

        public bool IsSettled(int node) => _settled[node] == _round;

        public void Settle(int node) => _settled[node] = _round;

        public void Label(int node, UInt256 cost, int hops, int next)
        {
            _labelled[node] = _round;
            Cost[node] = cost;
            Hops[node] = hops;
            Next[node] = next;
        }
    }

    private sealed class LabelOrder : IComparer<(UInt256 Cost, int Hops)>
    {
        public static readonly LabelOrder Instance = new();

        public int Compare((UInt256 Cost, int Hops) x, (UInt256 Cost, int Hops) y)
        {
            var byCost = x.Cost.CompareTo(y.Cost);
            return byCost != 0 ? byCost : x.Hops.CompareTo(y.Hops);
        }
    }
}
