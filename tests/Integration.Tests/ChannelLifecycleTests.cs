using Photon.Ethereum;

namespace Photon.Integration.Tests;

/// <summary>Withdraw without closing and cooperative settle through the API, checked on chain.</summary>
public sealed class ChannelLifecycleTests
{
    [Fact]
    public async Task Withdraws_without_closing_then_settles_cooperatively_paying_both_sides_at_once()
    {
        await using var network = await LocalNetwork.StartAsync(2);
        var a = await network.StartNodeAsync(1);
        var b = await network.StartNodeAsync(2);
        var token = network.Token;
        var partner = b.Address.ToString();
        await a.Api.RegisterTokenAsync(token);
        await a.Api.OpenChannelAsync(token, partner, "100", settleTimeout: 40);
        await Eventually.HoldsAsync(async () => (await b.Api.ChannelsAsync()).AsArray().Count == 1);
        await a.Api.PayAsync(token, partner, "10");

        var withdrawn = await a.Api.PatchChannelAsync(token, partner, "total_withdraw", "30");
        Assert.Equal(("opened", "30", "60"), (withdrawn["state"]!.GetValue<string>(), withdrawn["total_withdraw"]!.GetValue<string>(), withdrawn["balance"]!.GetValue<string>()));
        Assert.Equal(new UInt256(930), await network.TokenBalanceAsync(a.Address));
        await Eventually.HoldsAsync(async () => (await b.Api.ChannelAsync(token, a.Address.ToString()))["partner_total_withdraw"]!.GetValue<string>() == "30");

        var settled = await a.Api.PatchChannelAsync(token, partner, "state", "cooperative_settled");
        Assert.Equal("settled", settled["state"]!.GetValue<string>());
        // A: 1000 - 100 + 30 withdrawn + 60 at settlement; B: its 10.
        Assert.Equal(new UInt256(990), await network.TokenBalanceAsync(a.Address));
        Assert.Equal(new UInt256(1010), await network.TokenBalanceAsync(b.Address));
        Assert.Empty((await a.Api.ChannelsAsync()).AsArray());
    }
}
