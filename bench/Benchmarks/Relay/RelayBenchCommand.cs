using Photon.Ethereum;
using System.Diagnostics;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using Photon.Relay.Client;
using Photon.TestSupport;

namespace Photon.Benchmarks.Relay;

/// <summary>
/// <c>-- relay</c>: two real clients through a real <c>photon relay</c> process on loopback (SQLite with
/// synchronous=FULL, encryption, batching). Throughput: messages signed beforehand, timed from the first
/// send to the last receipt. Latency: one message at a time, from send to receipt.
/// </summary>
internal static class RelayBenchCommand
{
    private const string ServerName = "bench.relay";

    public static async Task<int> RunAsync(TextWriter output, int messages, int samples)
    {
        await output.WriteLineAsync($"ceiling: {RecoveriesPerSecond():0} signature recoveries/s on all {Environment.ProcessorCount} cores, with nothing else running (every received message needs one)");
        await using var relay = await RelayProcess.StartAsync(new() { ["server_name"] = ServerName, ["requests_per_second"] = 100_000, ["request_burst"] = 100_000, ["synchronous_full"] = Environment.GetEnvironmentVariable("RELAY_BENCH_SYNC") != "normal" });
        using var aliceKey = PrivateKey.Generate();
        using var bobKey = PrivateKey.Generate();
        await using var alice = await StartAsync(relay, aliceKey);
        await using var bob = await StartAsync(relay, bobKey);
        await using var inbox = bob.ReceiveAllAsync(CancellationToken.None).GetAsyncEnumerator();

        // Warm-up: JIT, connections, key lookups and derived keys.
        await ThroughputAsync(alice, aliceKey, bob, inbox, 2_000);
        var (elapsed, _) = await ThroughputAsync(alice, aliceKey, bob, inbox, messages);
        await output.WriteLineAsync($"throughput: {messages} messages in {elapsed.TotalSeconds:0.000} s = {messages / elapsed.TotalSeconds:0} messages/s");

        var latencies = new List<double>(samples);
        for (var i = 0; i < samples + 100; i++)
        {
            var message = MessageCodec.Sign(new Message { MessageId = (ulong)i + 1, Delivered = new Delivered { DeliveredMessageId = 1 } }, aliceKey);
            var clock = Stopwatch.StartNew();
            await alice.SendAsync(bob.Address, message, CancellationToken.None);
            if (!await inbox.MoveNextAsync())
                throw new InvalidOperationException("the inbox ended");
            if (i >= 100)
                latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        await output.WriteLineAsync($"latency (one message, send to receipt, {samples} samples): p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, max {latencies[^1]:0.00} ms");
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, int Received)> ThroughputAsync(RelayClient alice, PrivateKey aliceKey, RelayClient bob, IAsyncEnumerator<Photon.Relay.Transport.ReceivedMessage> inbox, int count)
    {
        var signed = Enumerable.Range(1, count).Select(i => MessageCodec.Sign(new Message { MessageId = (ulong)i, Delivered = new Delivered { DeliveredMessageId = (ulong)i } }, aliceKey)).ToList();
        var clock = Stopwatch.StartNew();
        var sends = signed.Select(m => alice.SendAsync(bob.Address, m, CancellationToken.None)).ToList();
        var received = 0;
        while (received < count && await inbox.MoveNextAsync())
            received++;
        var elapsed = clock.Elapsed;
        await Task.WhenAll(sends);
        return (elapsed, received);
    }

    private static async Task<RelayClient> StartAsync(RelayProcess relay, PrivateKey key)
    {
        var client = new RelayClient(new RelayClientOptions { BaseAddress = relay.BaseUri, Key = key, ServerName = ServerName });
        await client.StartAsync(CancellationToken.None);
        return client;
    }

    /// <summary>
    /// How many signers all cores recover per second: the bound that verifying every message (docs/relay.md)
    /// puts on receive throughput before any relay, HTTP or AES work is counted.
    /// </summary>
    private static double RecoveriesPerSecond()
    {
        using var key = PrivateKey.Generate();
        var digest = Keccak256.Hash("relay bench"u8);
        var signature = key.Sign(digest);
        const int perCore = 50_000;
        for (var i = 0; i < 2_000; i++)
            Secp256k1.TryRecoverAddress(digest, signature, out Address _);
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            for (var i = 0; i < perCore; i++)
                Secp256k1.TryRecoverAddress(digest, signature, out Address _);
        });
        return Environment.ProcessorCount * perCore / clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
