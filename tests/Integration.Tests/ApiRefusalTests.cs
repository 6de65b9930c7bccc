using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Photon.Node.Api;

namespace Photon.Integration.Tests;

/// <summary>Bad requests to a real node: a clear 4xx with a JSON body, and nothing changes.</summary>
public sealed class ApiRefusalTests(ApiRefusalTests.TwoNodes nodes) : IClassFixture<ApiRefusalTests.TwoNodes>
{
    private readonly LocalNetwork _network = nodes.Network;
    private readonly NodeProcess _a = nodes.A;
    private readonly NodeProcess _b = nodes.B;

    [Theory]
    [InlineData("GET", "api/v1/channels", null)]
    [InlineData("GET", "api/v1/payments", null)]
    [InlineData("PUT", "api/v1/channels", "{}")]
    [InlineData("POST", "api/v1/payments/0x0000000000000000000000000000000000000001/0x0000000000000000000000000000000000000002", "{\"amount\":\"1\"}")]
    public async Task Refuses_calls_without_the_right_bearer_token(string method, string path, string? body)
    {
        using var http = new HttpClient { BaseAddress = _a.Api.BaseUrl };
        foreach (var authorization in new[] { null, "Bearer wrong-token", "Basic abc" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (authorization is not null)
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            if (body is not null)
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("unauthorized", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        }
        using var health = await http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Refuses_bad_payments_with_a_clear_error_and_changes_nothing()
    {
        var token = _network.Token;
        var partner = _b.Address.ToString();
        var before = await _a.Api.ChannelAsync(token, partner);

        await Refused(400, "malformed_json", () => _a.Api.SendAsync(HttpMethod.Post, $"api/v1/payments/{token}/{partner}", JsonValue.Create("not an object")));
        await Refused(400, "unknown_field", () => _a.Api.SendAsync(HttpMethod.Post, $"api/v1/payments/{token}/{partner}", new JsonObject { ["amount"] = "1", ["amuont"] = "2" }));
        await Refused(400, "invalid_amount", () => _a.Api.PayAsync(token, partner, "0"));
        await Refused(400, "invalid_amount", () => _a.Api.PayAsync(token, partner, "-5"));
        await Refused(400, "invalid_amount", () => _a.Api.PayAsync(token, partner, "1.5"));
        await Refused(400, "invalid_amount", () => _a.Api.PayAsync(token, partner, "1e3"));
        await Refused(400, "invalid_amount", () => _a.Api.PayAsync(token, partner, "115792089237316195423570985008687907853269984665640564039457584007913129639936"));
        await Refused(400, "invalid_address", () => _a.Api.PayAsync(token, "0x1234", "1"));
        await Refused(400, "invalid_address", () => _a.Api.PayAsync(token, partner.ToLowerInvariant().Replace("0x3c44", "0x3C44", StringComparison.Ordinal), "1"));
        await Refused(404, "unknown_token", () => _a.Api.PayAsync("0x00000000000000000000000000000000000000ff", partner, "1"));
        await Refused(402, "insufficient_balance", () => _a.Api.PayAsync(token, partner, "101"));
        await Refused(409, "no_route", () => _a.Api.PayAsync(token, "0x00000000000000000000000000000000000000ee", "1"));
        await Refused(413, "body_too_large", () => _a.Api.SendAsync(HttpMethod.Post, $"api/v1/payments/{token}/{partner}", new JsonObject { ["amount"] = new string('1', 70_000) }));

        Assert.Equal(before.ToJsonString(), (await _a.Api.ChannelAsync(token, partner)).ToJsonString());
        Assert.Empty((await _a.Api.PaymentsAsync()).AsArray());
    }

    [Fact]
    public async Task Refuses_bad_channel_changes_and_unknown_partners()
    {
        var token = _network.Token;
        var partner = _b.Address.ToString();
        var before = await _a.Api.ChannelAsync(token, partner);

        await Refused(404, "unknown_channel", () => _a.Api.ChannelAsync(token, "0x00000000000000000000000000000000000000ee"));
        await Refused(400, "invalid_patch", () => _a.Api.SendAsync(HttpMethod.Patch, $"api/v1/channels/{token}/{partner}", new JsonObject { ["total_deposit"] = "200", ["state"] = "closed" }));
        await Refused(400, "invalid_state", () => _a.Api.PatchChannelAsync(token, partner, "state", "opened"));
        await Refused(409, "deposit_not_increasing", () => _a.Api.PatchChannelAsync(token, partner, "total_deposit", "50"));
        await Refused(402, "insufficient_balance", () => _a.Api.PatchChannelAsync(token, partner, "total_withdraw", "101"));
        await Refused(409, "channel_not_closed", () => _a.Api.PatchChannelAsync(token, partner, "state", "settled"));
        await Refused(409, "channel_exists", () => _a.Api.OpenChannelAsync(token, partner, "1"));
        await Refused(400, "missing_field", () => _a.Api.SendAsync(HttpMethod.Put, "api/v1/channels", new JsonObject { ["token_address"] = token }));
        await Refused(404, "not_found", () => _a.Api.GetAsync("api/v1/nothing"));

        Assert.Equal(before.ToJsonString(), (await _a.Api.ChannelAsync(token, partner)).ToJsonString());
    }

    private static async Task Refused(int status, string code, Func<Task> call)
    {
        var refusal = await Assert.ThrowsAsync<NodeApiCallException>(call);
        Assert.Equal((status, code), (refusal.Status, refusal.Code));
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }

    /// <summary>A and B with a channel A-B (A deposited 100); the refusal tests change nothing, so they share it.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        public LocalNetwork Network { get; private set; } = null!;

        public NodeProcess A { get; private set; } = null!;

        public NodeProcess B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Network = await LocalNetwork.StartAsync(2);
            A = await Network.StartNodeAsync(1);
            B = await Network.StartNodeAsync(2);
            await A.Api.RegisterTokenAsync(Network.Token);
            await A.Api.OpenChannelAsync(Network.Token, B.Address.ToString(), "100", settleTimeout: 40);
        }

        public async Task DisposeAsync() => await Network.DisposeAsync();
    }
}
