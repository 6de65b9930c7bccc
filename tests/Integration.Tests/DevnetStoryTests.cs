using System.Text.Json.Nodes;

namespace Photon.Integration.Tests;

/// <summary>The devnet story (issue 6) through REST only, against real processes, with on-chain balances checked at the end.</summary>
public sealed class DevnetStoryTests
{
    [Fact]
    public async Task Three_nodes_open_pay_directly_and_through_a_mediator_then_close_and_settle_with_the_right_balances_on_chain()
    {
        await using var network = await LocalNetwork.StartAsync(3);
        var a = await network.StartNodeAsync(1);
        var b = await network.StartNodeAsync(2);
        var c = await network.StartNodeAsync(3);
        var token = network.Token;

        var registered = await a.Api.RegisterTokenAsync(token);
        Assert.Equal(token, registered["token_address"]!.GetValue<string>());
        await WaitAsync(async () => (await b.Api.GetAsync("api/v1/tokens")).AsArray().Count == 1);

        var ab = await a.Api.OpenChannelAsync(token, b.Address.ToString(), "100", settleTimeout: 40);
        Assert.Equal("opened", ab["state"]!.GetValue<string>());
        Assert.Equal("100", ab["balance"]!.GetValue<string>());
        var bc = await b.Api.OpenChannelAsync(token, c.Address.ToString(), "80", settleTimeout: 40);
        Assert.Equal("80", bc["total_deposit"]!.GetValue<string>());
        // Everyone sees both channels before paying over them.
        await WaitAsync(async () => (await c.Api.ChannelsAsync()).AsArray().Count == 1 && (await b.Api.ChannelsAsync()).AsArray().Count == 2);

        var direct = await a.Api.PayAsync(token, b.Address.ToString(), "30");
        Assert.Equal("succeeded", direct["status"]!.GetValue<string>());
        var mediated = await a.Api.PayAsync(token, c.Address.ToString(), "20");
        Assert.Equal("succeeded", mediated["status"]!.GetValue<string>());

        await WaitAsync(async () => Balance(await a.Api.ChannelAsync(token, b.Address.ToString())) == ("50", "50"));
        await WaitAsync(async () => Balance(await b.Api.ChannelAsync(token, c.Address.ToString())) == ("60", "20"));
        await WaitAsync(async () => Balance(await c.Api.ChannelAsync(token, b.Address.ToString())) == ("20", "60"));
        var received = (await c.Api.PaymentsAsync()).AsArray().Single()!;
        Assert.Equal(("received", "20", a.Address.ToString()), (received["direction"]!.GetValue<string>(), received["amount"]!.GetValue<string>(), received["initiator_address"]!.GetValue<string>()));

        var closed = await a.Api.PatchChannelAsync(token, b.Address.ToString(), "state", "closed");
        Assert.Equal("closed", closed["state"]!.GetValue<string>());
        // B answers the close with A's newest proof: nonce 3 (the direct transfer, the lock, its unlock).
        await WaitAsync(async () => await network.OnChainNonceAsync(closed, a.Address) == 3);
        // The settle window (40) and the punish window (5) pass at once instead of in 45 s.
        await network.Anvil.MineAsync(50);
        var settled = await a.Api.PatchChannelAsync(token, b.Address.ToString(), "state", "settled");
        Assert.Equal("settled", settled["state"]!.GetValue<string>());

        // A deposited 100 and paid 50: it gets 50 back. B deposited 80 into B-C and gets 50 from A-B.
        var balances = new[] { await network.TokenBalanceAsync(a.Address), await network.TokenBalanceAsync(b.Address), await network.TokenBalanceAsync(c.Address) };
        Assert.Equal([new(950), new(970), LocalNetwork.Minted], balances);
    }

    private static (string, string) Balance(JsonNode channel) => (channel["balance"]!.GetValue<string>(), channel["partner_balance"]!.GetValue<string>());

    private static Task WaitAsync(Func<Task<bool>> condition) => Eventually.HoldsAsync(condition);
}
