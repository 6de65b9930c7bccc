using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Photon.Ethereum;
using Photon.Node.Api;
using Photon.Node.Devnet;
using Photon.Node.Runtime;
using Photon.Relay.Server;

namespace Photon.Benchmarks.Node;

/// <summary>
/// <c>-- node [payments] [samples]</c>: end to end through a real relay on loopback, every node persisting
/// (SQLite, synchronous=FULL). Four in-process nodes A, B, C, D on Anvil with channels A-B, B-C, C-D.
/// Throughput: direct payments A→B started over REST with <c>?async=true</c> (64 in flight), timed from
/// the first request until B's channel shows them all. Latency: payments A→D over the 3-hop route, one at a
/// time, from the REST request to its answer (which waits for the payment's outcome).
/// </summary>
internal static class NodeBenchCommand
{
    public static async Task<int> RunAsync(TextWriter output, int payments, int samples)
    {
        var root = Directory.CreateTempSubdirectory("photon-node-bench-").FullName;
        try
        {
            await using var anvil = await AnvilLauncher.StartAsync(await AnvilLauncher.FindAsync(null, output, CancellationToken.None), blockTimeSeconds: 1, CancellationToken.None);
            var holders = Enumerable.Range(1, 4).Select(i => Photon.Ethereum.Crypto.PrivateKey.Parse(DevChain.AccountKeys[i]).Address).ToList();
            var contracts = await DevnetContracts.DeployAsync(anvil.Url, holders, new UInt256(1_000_000_000), CancellationToken.None);
            var relay = RelayServer.Build(new RelayServerOptions
            {
                Database = Path.Combine(root, "relay.db"), Listen = "http://127.0.0.1:0", ServerName = "bench", RequestsPerSecond = 100_000, RequestBurst = 100_000,
            });
            await using var relayScope = relay.ConfigureAwait(false);
            await relay.StartAsync();
            var relayUrl = new Uri(RelayServer.Addresses(relay).First());
            var hosts = new List<NodeHost>();
            try
            {
                for (var i = 1; i <= 4; i++)
                {
                    hosts.Add(await NodeHost.StartAsync(
                        new NodeHostOptions { EthRpc = anvil.Url, Relay = relayUrl, RelayName = "bench", Registry = contracts.Deployment.TokenNetworkRegistry, DataRoot = Path.Combine(root, "nodes"), ApiAddress = "127.0.0.1:0" },
                        new NodeKeySource { DevAccount = i }, NullLoggerFactory.Instance, CancellationToken.None));
                }
                var apis = hosts.Select(h => new NodeApiClient(h.ApiUrl, h.ApiToken)).ToList();
                var token = contracts.Token.ToString();
                await apis[0].RegisterTokenAsync(token);
                for (var i = 0; i < 3; i++)
                    await apis[i].OpenChannelAsync(token, hosts[i + 1].Address.ToString(), "100000000", settleTimeout: 500);
                await UntilAsync(async () => (await apis[3].ChannelsAsync()).AsArray().Count == 1 && (await apis[0].ChannelsAsync()).AsArray().Count == 1);

                // Warm-up: JIT, connections, keys.
                await apis[0].PayAsync(token, hosts[3].Address.ToString(), "1");
                await DirectAsync(apis, hosts, token, 200);
                var elapsed = await DirectAsync(apis, hosts, token, payments);
                await output.WriteLineAsync($"direct payments A→B: {payments} in {elapsed.TotalSeconds:0.000} s = {payments / elapsed.TotalSeconds:0} payments/s");

                var latencies = new List<double>(samples);
                for (var i = 0; i < samples; i++)
                {
                    var clock = Stopwatch.StartNew();
                    var done = await apis[0].PayAsync(token, hosts[3].Address.ToString(), "1");
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    if (done["status"]!.GetValue<string>() != "succeeded")
                        throw new InvalidOperationException($"a 3-hop payment did not succeed: {done}");
                }
                latencies.Sort();
                await output.WriteLineAsync($"3-hop payments A→B→C→D, one at a time ({samples}): p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms");
                foreach (var api in apis)
                    api.Dispose();
            }
            finally
            {
                foreach (var host in hosts)
                    await host.DisposeAsync();
            }
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<TimeSpan> DirectAsync(List<NodeApiClient> apis, List<NodeHost> hosts, string token, int count)
    {
        var partner = hosts[1].Address.ToString();
        var before = UInt256.Parse((await apis[1].ChannelAsync(token, hosts[0].Address.ToString()))["balance"]!.GetValue<string>());
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(64);
        var requests = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                await apis[0].PayAsync(token, partner, "1", async: true);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(requests);
        var target = before + new UInt256((ulong)count);
        await UntilAsync(async () => UInt256.Parse((await apis[1].ChannelAsync(token, hosts[0].Address.ToString()))["balance"]!.GetValue<string>()) >= target, pollMs: 5);
        return clock.Elapsed;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, int pollMs = 50)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the benchmark network did not reach the expected state within 5 minutes");
            await Task.Delay(pollMs);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
