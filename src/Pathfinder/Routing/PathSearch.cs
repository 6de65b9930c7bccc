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

    /// <summary>The longest route, in channels (far beyond what lock timeouts allow; it bounds the search keys).</summary>
    public const int MaxHops = 127;

    /// <summary>Values above this (2^126) are refused: a value plus any fees stays within 128 bits.</summary>
    public static readonly UInt256 MaxValue = new(0, 1UL << 62);

    /// <summary>Routes whose fees reach this (2^120) are not offered: the search keys are cost·2^7 + hops in 128 bits.</summary>
    internal static readonly UInt128 MaxCost = UInt128.One << 120;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <exception cref="ArgumentException">A value of zero or above <see cref="MaxValue"/>, maxPaths outside 1..<see cref="MaxPaths"/>, or from = to.</exception>
    public static PathAnswer Find(ChannelGraph graph, Address from, Address to, UInt256 value, int maxPaths)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (value.IsZero || value > MaxValue)
            throw new ArgumentException("the value must be above 0 and at most 2^126", nameof(value));
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
            var search = new Search(view, scratch, source, target, (UInt128)value.ToBigInteger(), new FeeBasis(value));
            var routes = new List<Route>();
            while (routes.Count < maxPaths && search.Cheapest() is { } found)
            {
                routes.Add(found.Route);
                search.Exclude(found);
            }
            return routes.Count > 0
                ? new PathAnswer(routes, null)
                : PathAnswer.None($"no route from {from} to {to} can carry {value} with its fees (channels, capacities, online mediators)");
        });
    }

    private sealed record Found(Route Route, List<int> Mediators, int FirstEdge);

    /// <summary>The searches of one query: the same value and fees, and the exclusions the routes found so far add.</summary>
    private sealed class Search(SearchView view, Scratch s, int source, int target, UInt128 value, FeeBasis fees)
    {
        private readonly HashSet<int> _excludedEdges = [];

        public Found? Cheapest()
        {
            s.NextRound();
            var queue = s.Queue;
            queue.Clear();
            s.TryLabel(target, 0, 0, -1, -1);
            queue.Enqueue(target, 0);
            var offline = view.Offline;
            while (queue.TryDequeue(out var w, out _))
            {
                if (s.IsSettled(w))
                    continue;
                s.Settle(w);
                if (w == source)
                    return Build();
                var carried = s.Cost(w);
                var need = value + carried;
                var hops = s.Hops(w) + 1;
                if (hops > MaxHops)
                    continue;
                foreach (ref readonly var edge in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(view.Incoming[w]))
                {
                    var u = edge.From;
                    // Only a direct channel is ever excluded by edge, and it starts at the source.
                    if (u == target || edge.Capacity < need || s.IsSettled(u) || (u == source && _excludedEdges.Contains(edge.Id)))
                        continue;
                    UInt128 cost;
                    if (u == source)
                    {
                        cost = carried;
                    }
                    else
                    {
                        if (offline[u] || s.IsExcluded(u) || fees.FeeOf(edge) is not { } fee || fee >= MaxCost - carried)
                            continue;
                        cost = carried + fee;
                    }
                    if (s.TryLabel(u, cost, hops, w, edge.Id))
                        queue.Enqueue(u, (cost << 7) | (uint)hops);
                }
            }
            return null;
        }

        /// <summary>Later routes avoid this route's mediators, and its channel when it is direct.</summary>
        public void Exclude(Found found)
        {
            if (found.Mediators.Count == 0)
                _excludedEdges.Add(found.FirstEdge);
            foreach (var mediator in found.Mediators)
                s.Exclude(mediator);
        }

        private Found Build()
        {
            var hops = ImmutableArray.CreateBuilder<Address>(s.Hops(source));
            var mediators = new List<int>();
            var node = source;
            while (node != target)
            {
                node = s.Next(node);
                hops.Add(view.Nodes[node]);
                if (node != target)
                    mediators.Add(node);
            }
            var fee = s.Cost(source);
            return new Found(new Route(hops.MoveToImmutable(), new UInt256((ulong)fee, (ulong)(fee >> 64))), mediators, s.Via(source));
        }
    }

    /// <summary>
    /// Per-thread labels, reused across queries: generation stamps instead of clearing 10^4-entry arrays, and one
    /// record per node so that a relaxation touches one cache line.
    /// </summary>
    private sealed class Scratch
    {
        private Label[] _labels = [];
        private int _round;
        private int _query;

        /// <summary>Keyed by cost·2^7 + hops: cheapest first, then fewest hops.</summary>
        public PriorityQueue<int, UInt128> Queue { get; } = new();

        public UInt128 Cost(int node) => _labels[node].Cost;

        public int Hops(int node) => _labels[node].Hops;

        /// <summary>The next node towards the target on the node's best route.</summary>
        public int Next(int node) => _labels[node].Next;

        /// <summary>The id of the edge to <see cref="Next"/>.</summary>
        public int Via(int node) => _labels[node].Via;

        /// <summary>Starts a query over <paramref name="nodes"/> nodes: nothing excluded.</summary>
        public void Reset(int nodes)
        {
            if (_labels.Length < nodes)
            {
                _labels = new Label[Math.Max(nodes, _labels.Length * 2)];
                _round = 0;
                _query = 0;
            }
            _query++;
        }

        /// <summary>Starts one search of the query: no node labelled or settled.</summary>
        public void NextRound() => _round++;

        public void Exclude(int node) => _labels[node].Excluded = _query;

        public bool IsExcluded(int node) => _labels[node].Excluded == _query;

        public bool IsSettled(int node) => _labels[node].Settled == _round;

        public void Settle(int node) => _labels[node].Settled = _round;

        /// <summary>Labels the node when (cost, hops) beats its label of this round; returns whether it did.</summary>
        public bool TryLabel(int node, UInt128 cost, int hops, int next, int via)
        {
            ref var label = ref _labels[node];
            if (label.Labelled == _round && (cost > label.Cost || (cost == label.Cost && hops >= label.Hops)))
                return false;
            label.Labelled = _round;
            label.Cost = cost;
            label.Hops = hops;
            label.Next = next;
            label.Via = via;
            return true;
        }

        private struct Label
        {
            public UInt128 Cost;
            public int Labelled;
            public int Settled;
            public int Excluded;
            public int Hops;
            public int Next;
            public int Via;
        }
    }
}
