using System.Text.Json;

namespace Photon.Node.Tests.Api;

/// <summary>The JSON shapes of docs/api.md, and that each call passes what it was given to the application.</summary>
public class ApiResponseShapeTests
{
    private const string Token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Partner = "0x70997970c51812dc3a010c7d01b50e179aeb41c3";
    private static readonly string TokenEip55 = RecordingApplication.Token.ToString();
    private static readonly string PartnerEip55 = RecordingApplication.Partner.ToString();

    [Fact]
    public async Task Opening_a_channel_answers_201_with_the_channel()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Put, "/api/v1/channels",
            $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","settle_timeout":600,"total_deposit":"100000000000000000000000000000"}""");
        Assert.Equal(201, status);
        Assert.Equal(
            $"OpenChannelAsync OpenChannelRequest {{ Token = {TokenEip55}, Partner = {PartnerEip55}, SettleTimeout = 600, TotalDeposit = 100000000000000000000000000000 }}",
            Assert.Single(server.App.Calls));
        Assert.Equal(
            $$"""{"token_address":"{{TokenEip55}}","token_network_address":"{{RecordingApplication.TokenNetwork}}","channel_identifier":"7","partner_address":"{{PartnerEip55}}","state":"opened","settle_timeout":500,"reveal_timeout":50,"total_deposit":"100000000000000000000000000000","total_withdraw":"0","partner_total_deposit":"80","partner_total_withdraw":"0","balance":"70","partner_balance":"110","locked_amount":"0","partner_locked_amount":"5","settle_block":null}""",
            json.GetRawText());
    }

    [Fact]
    public async Task Opening_without_a_deposit_or_timeout_leaves_them_to_the_node()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, _) = await server.CallAsync(HttpMethod.Put, "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}","settle_timeout":null}""");
        Assert.Equal(201, status);
        Assert.EndsWith("SettleTimeout = , TotalDeposit = 0 }", Assert.Single(server.App.Calls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_waits_for_its_outcome_and_answers_200_with_the_payment()
    {
        await using var server = await ApiServer.StartAsync();
        var secret = "0x" + new string('d', 64);
        var (status, json) = await server.CallAsync(HttpMethod.Post, $"/api/v1/payments/{Token}/{Partner}", $$"""{"amount":"30","identifier":9,"secret":"{{secret}}"}""");
        Assert.Equal(200, status);
        Assert.Equal(
            $$"""{"token_address":"{{TokenEip55}}","identifier":"9","direction":"sent","initiator_address":"{{RecordingApplication.Self}}","target_address":"{{PartnerEip55}}","amount":"30","fee":"0","secret_hash":"0x{{new string('a', 64)}}","secret":"{{secret}}","status":"succeeded","reason":null,"block":123}""",
            json.GetRawText());
        Assert.Equal(
            [$"StartPaymentAsync PaymentRequest {{ Token = {TokenEip55}, Target = {PartnerEip55}, Amount = 30, Identifier = 9, Secret = {secret}, SecretHash = , LockTimeout =  }}",
             $"WaitForPaymentAsync {TokenEip55} 9"],
            server.App.Calls);
    }

    [Fact]
    public async Task An_async_payment_answers_202_at_once_with_the_pending_payment()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Post, $"/api/v1/payments/{Token}/{Partner}?async=true", """{"amount":"30"}""");
        Assert.Equal(202, status);
        Assert.Equal("pending", json.GetProperty("status").GetString());
        Assert.Equal("42", json.GetProperty("identifier").GetString());
        Assert.DoesNotContain(server.App.Calls, call => call.StartsWith("WaitForPaymentAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_payment_answers_409_payment_failed_with_the_reason_and_the_payment()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.PaymentOutcome = "failed";
        var (status, json) = await server.CallAsync(HttpMethod.Post, $"/api/v1/payments/{Token}/{Partner}", """{"amount":"30"}""");
        Assert.Equal(409, status);
        Assert.Equal("payment_failed", json.GetProperty("error").GetString());
        Assert.Equal("payment 42 failed: no route with enough capacity", json.GetProperty("message").GetString());
        Assert.Equal(2, json.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("""{"total_deposit":"150"}""", "SetTotalDepositAsync {0} {1} 150", "opened")]
    [InlineData("""{"total_withdraw":20}""", "SetTotalWithdrawAsync {0} {1} 20", "opened")]
    [InlineData("""{"state":"closed"}""", "CloseChannelAsync {0} {1}", "closed")]
    [InlineData("""{"state":"settled"}""", "SettleChannelAsync {0} {1}", "settled")]
    [InlineData("""{"state":"cooperative_settled","total_deposit":null}""", "CooperativeSettleAsync {0} {1}", "settled")]
    public async Task Patching_a_channel_makes_the_one_change_asked_for(string body, string call, string state)
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Patch, $"/api/v1/channels/{Token}/{Partner}", body);
        Assert.Equal(200, status);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, TokenEip55, PartnerEip55), Assert.Single(server.App.Calls));
        Assert.Equal(state, json.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("/api/v1/channels", "ListChannels  ", JsonValueKind.Array)]
    [InlineData($"/api/v1/channels/{Token}", "ListChannels {0} ", JsonValueKind.Array)]
    [InlineData($"/api/v1/channels/{Token}/{Partner}", "GetChannel {0} {1}", JsonValueKind.Object)]
    [InlineData("/api/v1/payments", "ListPayments  ", JsonValueKind.Array)]
    [InlineData($"/api/v1/payments/{Token}", "ListPayments {0} ", JsonValueKind.Array)]
    [InlineData($"/api/v1/payments/{Token}/{Partner}", "ListPayments {0} {1}", JsonValueKind.Array)]
    [InlineData("/api/v1/pending_transfers", "ListPendingTransfers  ", JsonValueKind.Array)]
    [InlineData("/api/v1/tokens", "ListTokens", JsonValueKind.Array)]
    [InlineData("/api/v1/status", "GetStatus", JsonValueKind.Object)]
    public async Task Reading_calls_pass_their_filters_to_the_application(string path, string call, JsonValueKind kind)
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Get, path);
        Assert.Equal(200, status);
        Assert.Equal(kind, json.ValueKind);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, TokenEip55, PartnerEip55), Assert.Single(server.App.Calls));
    }

    [Fact]
    public async Task Address_status_tokens_and_pending_transfers_have_their_documented_shapes()
    {
        await using var server = await ApiServer.StartAsync();
        Assert.Equal($$"""{"our_address":"{{RecordingApplication.Self}}"}""", (await server.CallAsync(HttpMethod.Get, "/api/v1/address")).Body.GetRawText());
        Assert.Equal(
            $$"""{"our_address":"{{RecordingApplication.Self}}","chain_id":31337,"registry_address":"{{RecordingApplication.TokenNetwork}}","confirmed_block":90,"chain_head":100,"syncing":true,"transport_online":true,"version":"1.2.3"}""",
            (await server.CallAsync(HttpMethod.Get, "/api/v1/status")).Body.GetRawText());
        Assert.Equal(
            $$"""[{"token_address":"{{TokenEip55}}","token_network_address":"{{RecordingApplication.TokenNetwork}}","channels":1}]""",
            (await server.CallAsync(HttpMethod.Get, "/api/v1/tokens")).Body.GetRawText());
        Assert.Equal(
            $$"""[{"token_address":"{{TokenEip55}}","channel_identifier":"7","partner_address":"{{PartnerEip55}}","direction":"received","amount":"5","secret_hash":"0x{{new string('c', 64)}}","expiration":140}]""",
            (await server.CallAsync(HttpMethod.Get, "/api/v1/pending_transfers")).Body.GetRawText());
        var (status, registered) = await server.CallAsync(HttpMethod.Put, $"/api/v1/tokens/{Token}");
        Assert.Equal(201, status);
        Assert.Equal(TokenEip55, registered.GetProperty("token_address").GetString());
        Assert.Equal($"RegisterTokenAsync {TokenEip55}", server.App.Calls.Last());
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        await using var server = await ApiServer.StartAsync();
        Assert.Equal("""{"status":"ok"}""", (await server.CallAsync(HttpMethod.Get, "/health", token: null)).Body.GetRawText());
    }
}
