using System.Diagnostics;
using Photon.Ethereum;
using Photon.Pathfinder.Graph;
using Photon.Pathfinder.Routing;
using Photon.Protocol.Routing;

namespace Photon.Benchmarks.Pathfinder;

/// <summary>
/// <c>-- routes [nodes] [channels] [queries]</c>: route queries on a generated graph the size of today's Lightning
/// network. Topology by preferential attachment (a few hubs, many small nodes, as in payment networks), deposits
/// log-uniform from 10^3 to 10^8 units per side, fees flat 0–10 plus 0–5,000 millionths, values log-uniform from
/// 10^2 to 10^6. Prints p50/p99 latency for maxPaths 1 and 5 and the memory the graph holds.
/// </summary>
public static class RouteBenchCommand
{
    public static Task<int> RunAsync(TextWriter output, int nodes, int channels, int queries)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(42);
        var before = Settled();
        var sw = Stopwatch.StartNew();
        var (graph, addresses) = Generate(random, nodes, channels);
        var built = sw.Elapsed;
        var after = Settled();
        output.WriteLine($"graph: {nodes:N0} nodes, {channels:N0} channels, built in {built.TotalMilliseconds:N0} ms; managed memory held: {(after - before) / 1024.0 / 1024.0:N1} MiB; process working set {Environment.WorkingSet / 1024.0 / 1024.0:N0} MiB");

        foreach (var maxPaths in new[] { 1, 5 })
        {
            // Warm-up: JIT and the per-thread scratch arrays.
            Measure(graph, addresses, random, maxPaths, 200);
            var (latencies, found, routes) = Measure(graph, addresses, random, maxPaths, queries);
            Array.Sort(latencies);
            output.WriteLine(
                $"maxPaths {maxPaths}: {queries:N0} queries, {found:N0} with a route ({routes / (double)Math.Max(found, 1):N1} routes each); " +
                $"p50 {Percentile(latencies, 0.50):N2} ms, p99 {Percentile(latencies, 0.99):N2} ms, max {latencies[^1]:N2} ms");
        }
        graph.Dispose();
        return Task.FromResult(0);
    }

    private static (double[] Latencies, int Found, int Routes) Measure(ChannelGraph graph, Address[] addresses, Random random, int maxPaths, int queries)
    {
        var latencies = new double[queries];
        var (found, routes) = (0, 0);
        for (var i = 0; i < queries; i++)
        {
            var from = addresses[random.Next(addresses.Length)];
            var to = addresses[random.Next(addresses.Length)];
            while (to == from)
                to = addresses[random.Next(addresses.Length)];
            var value = new UInt256((ulong)Math.Pow(10, 2 + (random.NextDouble() * 4)));
            var start = Stopwatch.GetTimestamp();
            var answer = PathSearch.Find(graph, from, to, value, maxPaths);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            found += answer.Routes.Count > 0 ? 1 : 0;
            routes += answer.Routes.Count;
        }
        return (latencies, found, routes);
    }

    private static (ChannelGraph Graph, Address[] Addresses) Generate(Random random, int nodes, int channels)
    {
        var graph = new ChannelGraph(Address.Parse("0x00000000000000000000000000000000000000aa"));
        var addresses = new Address[nodes];
        var bytes = new byte[20];
        for (var i = 0; i < nodes; i++)
        {
            random.NextBytes(bytes);
            addresses[i] = new Address(bytes);
        }
        // Preferential attachment: each endpoint list entry is a node once per channel it has, so picking from it favours hubs.
        var ends = new List<int>(2 * channels);
        var pairs = new HashSet<(int, int)>();
        var perNode = Math.Max(1, channels / nodes);
        ulong id = 0;
        for (var i = 1; i < nodes && pairs.Count < channels; i++)
        {
            for (var k = 0; k < perNode && pairs.Count < channels; k++)
            {
                var j = ends.Count > 0 && random.NextDouble() < 0.8 ? ends[random.Next(ends.Count)] : random.Next(i);
                if (j == i || !pairs.Add((Math.Min(i, j), Math.Max(i, j))))
                    continue;
                ends.Add(i);
                ends.Add(j);
                Open(graph, random, ++id, addresses[i], addresses[j]);
            }
        }
        while (pairs.Count < channels)
        {
            var (i, j) = (random.Next(nodes), ends[random.Next(ends.Count)]);
            if (i == j || !pairs.Add((Math.Min(i, j), Math.Max(i, j))))
                continue;
            Open(graph, random, ++id, addresses[i], addresses[j]);
        }
        return (graph, addresses);
    }

    private static void Open(ChannelGraph graph, Random random, ulong id, Address a, Address b)
    {
        var channel = new UInt256(id);
        graph.Open(channel, a, b);
        graph.SetDeposit(channel, a, Deposit(random));
        graph.SetDeposit(channel, b, Deposit(random));
        graph.SetFees(channel, a, Fee(random), UInt256.One);
        graph.SetFees(channel, b, Fee(random), UInt256.One);
    }

    private static UInt256 Deposit(Random random) => new((ulong)Math.Pow(10, 3 + (random.NextDouble() * 5)));

    private static FeeSchedule Fee(Random random) => new(new UInt256((ulong)random.Next(0, 11)), (ulong)random.Next(0, 5_001));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
