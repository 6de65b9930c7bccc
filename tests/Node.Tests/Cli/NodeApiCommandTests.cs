using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Photon.Node.Api;
using Photon.Node.Application;
using Photon.Node.Tests.Api;

namespace Photon.Node.Tests.Cli;

/// <summary>The node commands run in process against the REST API on a real Kestrel over a <see cref="RecordingApplication"/>.</summary>
public class NodeApiCommandTests
{
    private const string Token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Partner = "0x70997970c51812dc3a010c7d01b50e179aeb41c3";
    private static readonly string TokenEip55 = RecordingApplication.Token.ToString();
    private static readonly string PartnerEip55 = RecordingApplication.Partner.ToString();

    private static CliRun Photon(ApiServer server, params string[] args) =>
        CliRun.Of([.. args, "--api", server.Url.ToString(), "--token", ApiServer.Token]);

    [Fact]
    public async Task Channel_open_sends_the_request_and_prints_the_channel()
    {
        await using var server = await ApiServer.StartAsync();
        var run = Photon(server, "channel", "open", Token, Partner, "--deposit", "100", "--settle-timeout", "600").AssertSucceeded();
        var channel = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(PartnerEip55, channel.GetProperty("partner_address").GetString());
        Assert.Equal("opened", channel.GetProperty("state").GetString());
        Assert.Equal(
            $"OpenChannelAsync OpenChannelRequest {{ Token = {TokenEip55}, Partner = {PartnerEip55}, SettleTimeout = 600, TotalDeposit = 100 }}",
            Assert.Single(server.App.Calls));
    }

    [Theory]
    [InlineData("deposit", "150", "SetTotalDepositAsync {0} {1} 150")]
    [InlineData("withdraw", "20", "SetTotalWithdrawAsync {0} {1} 20")]
    [InlineData("close", null, "CloseChannelAsync {0} {1}")]
    public async Task Channel_changes_call_the_matching_API_change(string verb, string? amount, string call)
    {
        await using var server = await ApiServer.StartAsync();
        string[] args = amount is null ? ["channel", verb, Token, Partner] : ["channel", verb, Token, Partner, amount];
        var run = Photon(server, args).AssertSucceeded();
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(run.Output).RootElement.ValueKind);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, TokenEip55, PartnerEip55), Assert.Single(server.App.Calls));
    }

    [Fact]
    public async Task Channel_settle_says_what_it_waits_for_then_prints_the_settled_channel()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.Channel = server.App.Channel with { State = "closed", SettleBlock = 620 };
        var run = Photon(server, "channel", "settle", Token, Partner);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Error.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"waiting for channel 7 with {PartnerEip55} to be settled: settle window ends at block 620, the node is at block 90", lines[0], StringComparison.Ordinal);
        Assert.Equal($"channel 7 with {PartnerEip55} is settled", lines[1]);
        Assert.Equal("settled", JsonDocument.Parse(run.Output).RootElement.GetProperty("state").GetString());
        Assert.Equal($"SettleChannelAsync {TokenEip55} {PartnerEip55}", server.App.Calls.Last());
    }

    [Fact]
    public async Task Channel_settle_cooperative_settles_at_once_without_waiting()
    {
        await using var server = await ApiServer.StartAsync();
        var run = Photon(server, "channel", "settle", Token, Partner, "--cooperative");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("waiting", run.Error, StringComparison.Ordinal);
        Assert.Equal($"CooperativeSettleAsync {TokenEip55} {PartnerEip55}", Assert.Single(server.App.Calls));
    }

    [Theory]
    [InlineData(new string[0], "ListChannels  ")]
    [InlineData(new[] { Token }, "ListChannels {0} ")]
    [InlineData(new[] { Token, Partner }, "GetChannel {0} {1}")]
    public async Task Channel_list_filters_by_token_and_partner(string[] filter, string call)
    {
        await using var server = await ApiServer.StartAsync();
        Photon(server, ["channel", "list", .. filter]).AssertSucceeded();
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, call, TokenEip55, PartnerEip55), Assert.Single(server.App.Calls));
    }

    [Fact]
    public async Task Pay_waits_for_the_outcome_and_prints_the_payment()
    {
        await using var server = await ApiServer.StartAsync();
        var run = Photon(server, "pay", Token, Partner, "30", "--identifier", "9", "--lock-timeout", "40").AssertSucceeded();
        var payment = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("succeeded", "30", "9"), (payment.GetProperty("status").GetString(), payment.GetProperty("amount").GetString(), payment.GetProperty("identifier").GetString()));
        Assert.EndsWith("LockTimeout = 40 }", server.App.Calls.First(), StringComparison.Ordinal);
        Assert.Equal($"WaitForPaymentAsync {TokenEip55} 9", server.App.Calls.Last());
    }

    [Fact]
    public async Task Pay_async_prints_the_pending_payment()
    {
        await using var server = await ApiServer.StartAsync();
        var run = Photon(server, "pay", Token, Partner, "30", "--async").AssertSucceeded();
        Assert.Equal("pending", JsonDocument.Parse(run.Output).RootElement.GetProperty("status").GetString());
        Assert.Single(server.App.Calls);
    }

    [Fact]
    public async Task A_failed_payment_is_an_error_with_its_reason()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.PaymentOutcome = "failed";
        Assert.Equal(1, Photon(server, "pay", Token, Partner, "30").AssertRefused("payment 42 failed: no route with enough capacity").ExitCode);
    }

    [Fact]
    public async Task An_API_refusal_is_printed_as_one_error_line_with_exit_code_1()
    {
        await using var server = await ApiServer.StartAsync();
        server.App.Failure = new NodeApplicationException(ApplicationErrorKind.InsufficientBalance, "insufficient_balance", "the channel can pay 70, not 500");
        Assert.Equal(1, Photon(server, "pay", Token, Partner, "500").AssertRefused("error: the channel can pay 70, not 500").ExitCode);
    }

    [Fact]
    public async Task Input_the_API_refuses_never_reaches_the_application()
    {
        await using var server = await ApiServer.StartAsync();
        Photon(server, "pay", Token, Partner, "1.5").AssertRefused("'amount' must be a decimal integer");
        Photon(server, "channel", "open", "0x5FbDB2315678afecb367f032d93F642f64180Aa3", Partner).AssertRefused("EIP-55 checksum");
        Photon(server, "channel", "deposit", Token, "../../tokens", "5").AssertRefused("'partner' must be an address");
        Assert.Empty(server.App.Calls);
    }

    [Fact]
    public async Task Payments_and_status_print_the_API_answers()
    {
        await using var server = await ApiServer.StartAsync();
        var payments = JsonDocument.Parse(Photon(server, "payments", Token).AssertSucceeded().Output).RootElement;
        Assert.Equal("30", payments[0].GetProperty("amount").GetString());
        var status = JsonDocument.Parse(Photon(server, "status").AssertSucceeded().Output).RootElement;
        Assert.Equal(31337, status.GetProperty("chain_id").GetInt64());
        Assert.Equal([$"ListPayments {TokenEip55} ", "GetStatus"], server.App.Calls);
    }

    [Fact]
    public async Task The_token_can_come_from_a_file()
    {
        await using var server = await ApiServer.StartAsync();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, ApiServer.Token + "\n");
            CliRun.Of("status", "--api", server.Url.ToString(), "--token-file", file).AssertSucceeded();
            File.WriteAllText(file, "wrong-token-0123456789");
            CliRun.Of("status", "--api", server.Url.ToString(), "--token-file", file).AssertRefused("missing or wrong bearer token");
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(["GetStatus"], server.App.Calls);
    }

    [Fact]
    public async Task Without_any_token_the_command_says_where_to_find_it()
    {
        Assert.Null(Environment.GetEnvironmentVariable("PHOTON_API_TOKEN"));
        await using var server = await ApiServer.StartAsync();
        CliRun.Of("status", "--api", server.Url.ToString()).AssertRefused("--token-file");
        Assert.Empty(server.App.Calls);
    }

    [Fact]
    public async Task The_token_can_come_from_PHOTON_API_TOKEN_and_an_option_wins_over_it()
    {
        // Tests of one class run one after another: the test above that wants the variable unset does not overlap.
        await using var server = await ApiServer.StartAsync();
        Environment.SetEnvironmentVariable("PHOTON_API_TOKEN", ApiServer.Token);
        try
        {
            CliRun.Of("status", "--api", server.Url.ToString()).AssertSucceeded();
            CliRun.Of("status", "--api", server.Url.ToString(), "--token", "wrong-token-0123456789").AssertRefused("missing or wrong bearer token");
            Environment.SetEnvironmentVariable("PHOTON_API_TOKEN", "two words");
            CliRun.Of("status", "--api", server.Url.ToString()).AssertRefused("PHOTON_API_TOKEN does not hold a bearer token");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PHOTON_API_TOKEN", null);
        }
        Assert.Equal(["GetStatus"], server.App.Calls);
    }

    [Theory]
    [InlineData("<html>Bad Gateway</html>", "the node answered 502 with something that is not JSON")]
    [InlineData("""["oops"]""", "the node answered 502")]
    [InlineData("""{"error":5,"message":["x"]}""", "the node answered 502")]
    public async Task A_refusal_that_is_not_the_nodes_JSON_is_an_error_with_the_status(string body, string reason)
    {
        // Something else on the port (a proxy): its answer is reported, never a crash.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var web = builder.Build();
        RunExtensions.Run(web, async c =>
        {
            c.Response.StatusCode = 502;
            await c.Response.WriteAsync(body);
        });
        await web.StartAsync();
        var url = NodeApi.Addresses(web).Single();
        Assert.Equal(1, CliRun.Of("status", "--api", url, "--token", ApiServer.Token).AssertRefused(reason).ExitCode);
        await web.StopAsync();
    }

    [Fact]
    public void An_unreachable_node_is_an_error_naming_the_URL()
    {
        // Port 1 (tcpmux) is privileged and not served here: the connection is refused.
        Assert.Equal(1, CliRun.Of("status", "--api", "http://127.0.0.1:1", "--token", "x").AssertRefused("cannot reach the node API at http://127.0.0.1:1/").ExitCode);
    }

    [Theory]
    [InlineData("Required argument missing", "channel", "open", Token)]
    [InlineData("Required argument missing", "pay", Token, Partner)]
    [InlineData("--api must be an http(s) URL", "status", "--api", "not a url")]
    [InlineData("-5", "channel", "open", Token, Partner, "--settle-timeout", "-5")]
    public void A_command_line_that_does_not_parse_gives_exit_code_2(string reason, params string[] args) =>
        Assert.Equal(2, CliRun.Of(args).AssertRefused(reason).ExitCode);
}
