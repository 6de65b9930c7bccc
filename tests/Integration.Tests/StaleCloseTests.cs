using Photon.Ethereum;

namespace Photon.Integration.Tests;

/// <summary>
/// A partner closes with an old balance proof: here A runs from a stale backup of its database (the classic
/// way an honest node ends up cheating), so it holds only B's old proof and closes with it. B submits A's
/// newest proof; to settle, B recalls the values behind its own old proof from its history (its state keeps
/// only the newest); the chain pays out exactly what A's newest proof and B's old one say.
/// </summary>
public sealed class StaleCloseTests
{
    [Fact]
    public async Task A_partner_closing_with_an_old_proof_is_answered_with_the_newest_one_and_settlement_follows_it()
    {
        await using var network = await LocalNetwork.StartAsync(2);
        var a = await network.StartNodeAsync(1);
        var b = await network.StartNodeAsync(2);
        var token = network.Token;
        var (atA, atB) = (b.Address.ToString(), a.Address.ToString());
        await a.Api.RegisterTokenAsync(token);
        await a.Api.OpenChannelAsync(token, atA, "100", settleTimeout: 40);
        await Eventually.HoldsAsync(async () => (await b.Api.ChannelsAsync()).AsArray().Count == 1);
        await b.Api.PatchChannelAsync(token, atB, "total_deposit", "50");
        await Eventually.HoldsAsync(async () => (await a.Api.ChannelAsync(token, atA))["partner_total_deposit"]!.GetValue<string>() == "50");

        // Round 1, then a backup of A's data taken while A is stopped.
        await b.Api.PayAsync(token, atB, "10");
        await a.Api.PayAsync(token, atA, "5");
        await Eventually.HoldsAsync(async () => Balances(await a.Api.ChannelAsync(token, atA)) == ("105", "45") && Balances(await b.Api.ChannelAsync(token, atB)) == ("45", "105"));
        await a.KillAsync();
        var backup = a.DataDirectory + ".backup";
        CopyDirectory(a.DataDirectory, backup);
        await a.RestartAsync();

        // Round 2: newer proofs both ways.
        await b.Api.PayAsync(token, atB, "20");
        await a.Api.PayAsync(token, atA, "15");
        await Eventually.HoldsAsync(async () => Balances(await b.Api.ChannelAsync(token, atB)) == ("40", "110") && Balances(await a.Api.ChannelAsync(token, atA)) == ("110", "40"));

        // A comes back from the backup: it knows only B's first proof, and closes with it.
        await a.KillAsync();
        Directory.Delete(a.DataDirectory, recursive: true);
        CopyDirectory(backup, a.DataDirectory);
        await a.RestartAsync();
        var closed = await a.Api.PatchChannelAsync(token, atA, "state", "closed");
        Assert.Equal("closed", closed["state"]!.GetValue<string>());

        // B answers with A's newest proof: nonce 2 (5 then 15, transferred 20).
        await Eventually.HoldsAsync(async () => await network.OnChainNonceAsync(closed, a.Address) == 2);
        Assert.Equal(new UInt256(1), await network.OnChainNonceAsync(closed, b.Address));
        await network.Anvil.MineAsync(50);
        await Eventually.HoldsAsync(async () => (await b.Api.ChannelAsync(token, atB))["state"]!.GetValue<string>() == "settled", seconds: 120);

        // A: 100 − 20 (its newest proof) + 10 (B's proof it closed with) = 90; B: 50 − 10 + 20 = 60.
        Assert.Equal(new UInt256(990), await network.TokenBalanceAsync(a.Address));
        Assert.Equal(new UInt256(1010), await network.TokenBalanceAsync(b.Address));
    }

    private static (string, string) Balances(System.Text.Json.Nodes.JsonNode channel) =>
        (channel["balance"]!.GetValue<string>(), channel["partner_balance"]!.GetValue<string>());

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
