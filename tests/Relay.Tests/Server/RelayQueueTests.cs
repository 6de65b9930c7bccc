using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Photon.Relay.Tests.Server;

/// <summary>sendToDevice and sync against a real relay process: order, acknowledgement by <c>since</c>, idempotent resends, long polls, refusals.</summary>
public sealed class RelayQueueTests(SharedRelay shared) : IClassFixture<SharedRelay>
{
    [Fact]
    public async Task Messages_come_in_order_and_are_deleted_only_once_a_later_since_acknowledges_them()
    {
        using var alice = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        await alice.SendToDeviceAsync("a", (bob.Address, [1]), (bob.Address, [2]));
        await alice.SendToDeviceAsync("b", (bob.Address, [3]));

        var first = await bob.SyncAsync();
        var again = await bob.SyncAsync();
        var next = first.Body["next_batch"]!.GetValue<string>();
        var acknowledged = await bob.SyncAsync(since: next);
        var afterAcknowledged = await bob.SyncAsync(since: next);

        Assert.Equal(["AQ==", "Ag==", "Aw=="], Bodies(first));
        Assert.Equal(Bodies(first), Bodies(again));
        Assert.Empty(acknowledged.Messages);
        Assert.Empty(afterAcknowledged.Messages);
        Assert.Empty((await bob.SyncAsync()).Messages);
    }

    [Fact]
    public async Task A_resent_txnId_stores_nothing_twice()
    {
        using var alice = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();

        var sent = await alice.SendToDeviceAsync("same", (bob.Address, [7]));
        var resent = await alice.SendToDeviceAsync("same", (bob.Address, [7]));

        Assert.Equal(sent.Body.ToJsonString(), resent.Body.ToJsonString());
        Assert.Equal(["Bw=="], Bodies(await bob.SyncAsync()));
    }

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_a_message_arrives()
    {
        using var alice = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        var clock = Stopwatch.StartNew();

        var poll = bob.SyncAsync(timeoutMs: 20_000);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted, "the sync returned before anything was sent");
        await alice.SendToDeviceAsync("wake", (bob.Address, [9]));
        var answer = await poll;

        Assert.Equal(["CQ=="], Bodies(answer));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "the long poll waited for its timeout instead of the message");
    }

    [Fact]
    public async Task An_empty_long_poll_ends_at_its_timeout_with_nothing()
    {
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();

        var answer = await bob.SyncAsync(since: "0", timeoutMs: 200);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Messages);
        Assert.Equal("0", answer.Body["next_batch"]!.GetValue<string>());
    }

    public static TheoryData<string, string, HttpStatusCode> BadRequests => new()
    {
        { "t", "not json", HttpStatusCode.BadRequest },
        { "t", "[]", HttpStatusCode.BadRequest },
        { "t", """{"messages":[]}""", HttpStatusCode.BadRequest },
        { "t", """{"messages":[{"to":"0x1234","body":"AQ=="}]}""", HttpStatusCode.BadRequest },
        { "t", """{"messages":[{"to":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","body":"not base64!"}]}""", HttpStatusCode.BadRequest },
        { "t", """{"messages":[{"to":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","body":""}]}""", HttpStatusCode.BadRequest },
        { "t", """{"messages":[{"to":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"}]}""", HttpStatusCode.BadRequest },
        { "bad txn id!", """{"messages":[{"to":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","body":"AQ=="}]}""", HttpStatusCode.BadRequest },
        { "t", """{"messages":[{"to":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","body":"BIG"}]}""", HttpStatusCode.RequestEntityTooLarge },
        { "t", "HUGE", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_or_oversized_send_is_refused_with_a_json_error_and_stores_nothing(string txnId, string body, HttpStatusCode status)
    {
        using var alice = await RawRelayUser.Random(shared.BaseUri).LoginAsync();
        using var target = await new RawRelayUser(shared.BaseUri, Ethereum.Crypto.PrivateKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646")).LoginAsync();
        // 64 KiB + 1 for one message; over 1 MiB for the whole request.
        body = body.Replace("\"BIG\"", $"\"{Convert.ToBase64String(new byte[64 * 1024 + 1])}\"", StringComparison.Ordinal);
        if (body == "HUGE")
            body = new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["to"] = target.Address.ToString(), ["body"] = new string('A', 1024 * 1024) }) }.ToJsonString();
        var before = await HealthAsync();

        var answer = await alice.SendAsync(HttpMethod.Put, $"relay/v1/sendToDevice/{Uri.EscapeDataString(txnId)}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(answer.Status == status, answer.ToString());
        Assert.False(string.IsNullOrEmpty(answer.Error), answer.ToString());
        Assert.False(string.IsNullOrEmpty(answer.Body["message"]?.GetValue<string>()), answer.ToString());
        Assert.Equal(before, await HealthAsync());
    }

    [Theory]
    [InlineData("since=abc")]
    [InlineData("since=-1")]
    [InlineData("timeout=-5")]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    public async Task A_sync_with_bad_parameters_is_refused_with_400(string query)
    {
        using var bob = await RawRelayUser.Random(shared.BaseUri).LoginAsync();

        var answer = await bob.SendAsync(HttpMethod.Get, $"relay/v1/sync?{query}", null);

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
        Assert.Equal("bad_request", answer.Error);
    }

    private async Task<long> HealthAsync()
    {
        using var http = new HttpClient { BaseAddress = shared.BaseUri };
        var health = await http.GetFromJsonAsync<JsonObject>("health");
        return health!["queued_messages"]!.GetValue<long>();
    }

    private static string[] Bodies(RawAnswer answer) => [.. answer.Messages.Select(m => m!["body"]!.GetValue<string>())];
}
