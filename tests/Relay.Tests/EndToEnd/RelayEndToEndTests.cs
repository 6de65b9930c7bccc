using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using Photon.TestSupport;
using static Photon.Relay.Tests.EndToEnd.RelayPeers;

namespace Photon.Relay.Tests.EndToEnd;

/// <summary>
/// The node's transport as it will run: real <see cref="Photon.Relay.Client.RelayClient"/>s (encryption, batching,
/// retries, deduplication) on a real <c>photon relay</c> process over loopback.
/// </summary>
public sealed class RelayEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Two_clients_exchange_ten_thousand_messages_each_way_in_order_exactly_once()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["server_name"] = ServerName });
        using var aliceKey = PrivateKey.Generate();
        using var bobKey = PrivateKey.Generate();
        await using var alice = await StartAsync(relay, aliceKey);
        await using var bob = await StartAsync(relay, bobKey);

        var bobGets = ReceiveAsync(bob, 10_000, Patience);
        var aliceGets = ReceiveAsync(alice, 10_000, Patience);
        var sends = new List<Task>(20_000);
        for (ulong i = 1; i <= 10_000; i++)
        {
            sends.Add(alice.SendAsync(bob.Address, Numbered(aliceKey, i), CancellationToken.None));
            sends.Add(bob.SendAsync(alice.Address, Numbered(bobKey, i), CancellationToken.None));
        }
        await Task.WhenAll(sends);
        var atBob = await bobGets;
        var atAlice = await aliceGets;

        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (ulong)i), atBob.Select(m => m.Message.Message.MessageId));
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (ulong)i), atAlice.Select(m => m.Message.Message.MessageId));
        Assert.All(atBob, m => Assert.Equal(alice.Address, m.Sender));
        Assert.All(atAlice, m => Assert.Equal(bob.Address, m.Sender));
        Assert.Equal(0, await ExtraWithinAsync(bob, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task A_relay_killed_and_restarted_mid_stream_loses_nothing_and_delivers_nothing_twice()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["server_name"] = ServerName });
        using var aliceKey = PrivateKey.Generate();
        using var bobKey = PrivateKey.Generate();
        await using var alice = await StartAsync(relay, aliceKey);
        await using var bob = await StartAsync(relay, bobKey);
        const int total = 10_000;

        var received = new List<ulong>();
        var crashed = false;
        using var cancel = new CancellationTokenSource(Patience);
        var sending = Task.Run(async () =>
        {
            // Sent in steps, so that messages are still on their way when the relay dies.
            for (ulong i = 1; i <= total; i++)
            {
                _ = alice.SendAsync(bob.Address, Numbered(aliceKey, i), CancellationToken.None);
                if (i % 500 == 0)
                    await Task.Delay(20);
            }
        });
        await foreach (var message in bob.ReceiveAllAsync(cancel.Token))
        {
            received.Add(message.Message.Message.MessageId);
            if (!crashed && received.Count == total / 3)
            {
                crashed = true;
                await relay.KillAsync();
                await Task.Delay(300);
                await relay.RestartAsync();
            }
            if (received.Count == total)
                break;
        }
        await sending;

        Assert.True(crashed);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (ulong)i), received);
        Assert.Equal(0, await ExtraWithinAsync(bob, TimeSpan.FromMilliseconds(500)));
        Assert.True(alice.Stats.SendRetries + bob.Stats.SyncRetries > 0, "the crash went unnoticed: the test did not test a crash");
    }

    [Fact]
    public async Task An_offline_recipient_receives_its_queued_messages_when_it_comes_back()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["server_name"] = ServerName });
        using var aliceKey = PrivateKey.Generate();
        using var bobKey = PrivateKey.Generate();
        await using var alice = await StartAsync(relay, aliceKey);
        // Bob logged in once (so his key is known), then went offline.
        await (await StartAsync(relay, bobKey)).DisposeAsync();

        for (ulong i = 1; i <= 100; i++)
            await alice.SendAsync(bobKey.Address, Numbered(aliceKey, i), CancellationToken.None);
        await using var bob = await StartAsync(relay, bobKey);
        var received = await ReceiveAsync(bob, 100, Patience);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (ulong)i), received.Select(m => m.Message.Message.MessageId));
    }

    [Fact]
    public async Task The_relay_stores_only_ciphertext_no_amount_secret_or_address_of_the_payload()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["server_name"] = ServerName });
        using var aliceKey = PrivateKey.Generate();
        using var bobKey = PrivateKey.Generate();
        await using var alice = await StartAsync(relay, aliceKey);
        await (await StartAsync(relay, bobKey)).DisposeAsync();
        var secret = Keccak256.Hash("the secret of the ciphertext test").ToArray();
        var amount = WireValues.Encode(UInt256.Parse("123456789123456789123456789"));
        var initiator = Address.Parse("0x1111111111111111111111111111111111111111");
        var target = Address.Parse("0x2222222222222222222222222222222222222222");
        var payloads = new[]
        {
            new Message { MessageId = 1, RevealSecret = new RevealSecret { Secret = Bytes(secret) } },
            new Message
            {
                MessageId = 2,
                MediatedTransfer = new MediatedTransfer { PaymentId = amount, Initiator = WireValues.Encode(initiator), Target = WireValues.Encode(target), TargetAmount = amount },
            },
        };

        foreach (var message in payloads)
            await alice.SendAsync(bobKey.Address, MessageCodec.Sign(message, aliceKey), CancellationToken.None);
        var stored = ReadStoredBodies(relay.DatabasePath);
        await using var bob = await StartAsync(relay, bobKey);
        var received = await ReceiveAsync(bob, 2, Patience);

        Assert.Equal(2, stored.Count);
        byte[][] needles = [secret, amount.ToByteArray(), initiator.ToArray(), target.ToArray()];
        foreach (var needle in needles)
        {
            Assert.DoesNotContain(stored, body => Contains(body, needle));
            // The needles are really in what the peers exchange: the search above could have found them.
            Assert.Contains(received, m => Contains(m.Message.Message.ToByteArray(), needle));
        }
    }

    [Fact]
    public async Task Presence_follows_a_client_that_syncs_and_then_stops()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["server_name"] = ServerName, ["presence_grace_ms"] = 500 });
        using var aliceKey = PrivateKey.Generate();
        using var bobKey = PrivateKey.Generate();
        await using var alice = await StartAsync(relay, aliceKey);

        var bob = await StartAsync(relay, bobKey);
        var online = await WaitForPresenceAsync(alice, bobKey.Address, expectOnline: true);
        await bob.DisposeAsync();
        var offline = await WaitForPresenceAsync(alice, bobKey.Address, expectOnline: false);

        Assert.True(online, "bob never showed online while its client synced");
        Assert.True(offline, "bob stayed online after its client stopped");
        using var http = new HttpClient { BaseAddress = relay.BaseUri };
        Assert.Equal(1, (await http.GetFromJsonAsync<JsonObject>("health"))!["online"]!.GetValue<int>());
    }

    private static async Task<bool> WaitForPresenceAsync(Photon.Relay.Client.RelayClient asker, Address peer, bool expectOnline)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if ((await asker.GetPresenceAsync(peer, CancellationToken.None)).IsOnline == expectOnline)
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>The message bodies in the relay's database, read as a snooping operator would (the relay keeps running).</summary>
    private static List<byte[]> ReadStoredBodies(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM messages";
        using var reader = select.ExecuteReader();
        var bodies = new List<byte[]>();
        while (reader.Read())
            bodies.Add((byte[])reader[0]);
        return bodies;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
