using Photon.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Photon.Relay.Tests.Server;

/// <summary>Limits, presence and durability, each against its own relay process with the settings it needs.</summary>
public sealed class RelayLimitTests
{
    [Fact]
    public async Task A_flood_past_the_rate_limit_is_refused_with_429_and_other_users_are_not_affected()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["requests_per_second"] = 2, ["request_burst"] = 5 });
        using var flooder = await RawRelayUser.Random(relay.BaseUri).LoginAsync();
        using var bystander = await RawRelayUser.Random(relay.BaseUri).LoginAsync();

        var answers = new List<RawAnswer>();
        for (var i = 0; i < 20; i++)
            answers.Add(await flooder.SyncAsync());

        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 10, 15);
        Assert.All(refused, a => Assert.Equal("rate_limited", a.Error));
        Assert.All(refused, a => Assert.True(a.RetryAfter >= TimeSpan.FromSeconds(1), a.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await bystander.SyncAsync()).Status);
    }

    [Fact]
    public async Task A_full_recipient_queue_refuses_more_with_429_and_stores_nothing()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["queue_quota_messages"] = 3 });
        using var alice = await RawRelayUser.Random(relay.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(relay.BaseUri).LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await alice.SendToDeviceAsync("1", (bob.Address, [1]), (bob.Address, [2]))).Status);

        var over = await alice.SendToDeviceAsync("2", (bob.Address, [3]), (bob.Address, [4]));
        var first = await bob.SyncAsync();
        await bob.SyncAsync(since: first.Body["next_batch"]!.GetValue<string>());
        var afterDrain = await alice.SendToDeviceAsync("2", (bob.Address, [3]), (bob.Address, [4]));

        Assert.Equal(HttpStatusCode.TooManyRequests, over.Status);
        Assert.Equal("recipient_quota_exceeded", over.Error);
        Assert.Equal(2, first.Messages.Count);
        Assert.Equal(HttpStatusCode.OK, afterDrain.Status);
    }

    [Fact]
    public async Task Presence_is_online_while_syncing_and_offline_once_the_syncs_stop()
    {
        await using var relay = await RelayProcess.StartAsync(new() { ["presence_grace_ms"] = 500 });
        using var watcher = await RawRelayUser.Random(relay.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(relay.BaseUri).LoginAsync();

        var never = await PresenceAsync(watcher, bob);
        var poll = bob.SyncAsync(timeoutMs: 1_500);
        await Task.Delay(300);
        var whileSyncing = await PresenceAsync(watcher, bob);
        await poll;
        var justAfter = await PresenceAsync(watcher, bob);
        await Task.Delay(1_000);
        var later = await PresenceAsync(watcher, bob);

        Assert.Equal(("offline", true), (never.Body["presence"]!.GetValue<string>(), never.Body["last_active_ago_ms"] is null));
        Assert.Equal("online", whileSyncing.Body["presence"]!.GetValue<string>());
        Assert.Equal("online", justAfter.Body["presence"]!.GetValue<string>());
        Assert.Equal("offline", later.Body["presence"]!.GetValue<string>());
        Assert.True(later.Body["last_active_ago_ms"]!.GetValue<long>() >= 500, later.ToString());
    }

    [Fact]
    public async Task Queued_messages_and_tokens_survive_a_SIGKILL_of_the_relay()
    {
        await using var relay = await RelayProcess.StartAsync();
        using var alice = await RawRelayUser.Random(relay.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(relay.BaseUri).LoginAsync();
        Assert.Equal(HttpStatusCode.OK, (await alice.SendToDeviceAsync("before-crash", (bob.Address, [1]), (bob.Address, [2]))).Status);

        await relay.KillAsync();
        await relay.RestartAsync();
        var resent = await alice.SendToDeviceAsync("before-crash", (bob.Address, [1]), (bob.Address, [2]));
        var sync = await bob.SyncAsync();

        Assert.Equal(HttpStatusCode.OK, resent.Status);
        Assert.Equal(["AQ==", "Ag=="], sync.Messages.Select(m => m!["body"]!.GetValue<string>()));
        using var http = new HttpClient { BaseAddress = relay.BaseUri };
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonObject>("health"))!["queued_messages"]!.GetValue<long>());
    }

    private static Task<RawAnswer> PresenceAsync(RawRelayUser asker, RawRelayUser about) =>
        asker.SendAsync(HttpMethod.Get, $"relay/v1/presence/{about.Address}", null);
}
