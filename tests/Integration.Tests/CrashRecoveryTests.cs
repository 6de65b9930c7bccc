using System.Text.Json.Nodes;

namespace Photon.Integration.Tests;

/// <summary>A node killed with SIGKILL in the middle of a mediated payment restarts from its database.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task A_mediator_killed_mid_payment_restarts_and_the_payment_ends_with_no_token_lost()
    {
        await using var network = await LocalNetwork.StartAsync(3);
        var a = await network.StartNodeAsync(1);
        var b = await network.StartNodeAsync(2);
        var c = await network.StartNodeAsync(3);
        var token = network.Token;
        await a.Api.RegisterTokenAsync(token);
        await a.Api.OpenChannelAsync(token, b.Address.ToString(), "100", settleTimeout: 40);
        await b.Api.OpenChannelAsync(token, c.Address.ToString(), "80", settleTimeout: 40);
        await Eventually.HoldsAsync(async () => (await c.Api.ChannelsAsync()).AsArray().Count == 1 && (await a.Api.ChannelsAsync()).AsArray().Count == 1);

        var started = await a.Api.PayAsync(token, c.Address.ToString(), "20", async: true);
        await b.KillAsync();
        await Task.Delay(500);
        await b.RestartAsync();

        var identifier = started["identifier"]!.GetValue<string>();
        JsonNode? outcome = null;
        await Eventually.HoldsAsync(async () =>
        {
            outcome = (await a.Api.PaymentsAsync()).AsArray().Single(p => p!["identifier"]!.GetValue<string>() == identifier);
            return outcome!["status"]!.GetValue<string>() != "pending";
        }, seconds: 120);

        // Whatever the outcome, each channel's two views agree and hold exactly what was deposited.
        await Eventually.HoldsAsync(async () => await ViewsAgreeAsync(a, b, token, 100) && await ViewsAgreeAsync(b, c, token, 80), seconds: 120);
        if (outcome!["status"]!.GetValue<string>() == "succeeded")
        {
            Assert.Equal(("80", "20"), Balances(await a.Api.ChannelAsync(token, b.Address.ToString())));
            Assert.Equal(("60", "20"), Balances(await b.Api.ChannelAsync(token, c.Address.ToString())));
        }
        else
        {
            Assert.Equal(("100", "0"), Balances(await a.Api.ChannelAsync(token, b.Address.ToString())));
            Assert.Equal(("80", "0"), Balances(await b.Api.ChannelAsync(token, c.Address.ToString())));
        }
    }

    private static async Task<bool> ViewsAgreeAsync(NodeProcess one, NodeProcess other, string token, int deposited)
    {
        var mine = await one.Api.ChannelAsync(token, other.Address.ToString());
        var theirs = await other.Api.ChannelAsync(token, one.Address.ToString());
        var (balance, partnerBalance) = Balances(mine);
        return (balance, partnerBalance) == (theirs["partner_balance"]!.GetValue<string>(), theirs["balance"]!.GetValue<string>())
            && mine["locked_amount"]!.GetValue<string>() == "0" && mine["partner_locked_amount"]!.GetValue<string>() == "0"
            && int.Parse(balance, System.Globalization.CultureInfo.InvariantCulture) + int.Parse(partnerBalance, System.Globalization.CultureInfo.InvariantCulture) == deposited;
    }

    private static (string, string) Balances(JsonNode channel) => (channel["balance"]!.GetValue<string>(), channel["partner_balance"]!.GetValue<string>());
}
