using System.Text.Json;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class AnvilFixtureTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Dev_accounts_are_the_ones_anvil_reports()
    {
        var accounts = await anvil.Rpc.CallAsync<string[]>("eth_accounts", []);

        Assert.Equal(AnvilDevAccounts.Addresses.Select(a => a.ToLowerHex()), accounts!.Select(a => a.ToLowerInvariant()));
    }

    [Fact]
    public async Task Dev_keys_and_addresses_are_what_ethers_derives_from_the_mnemonic()
    {
        var request = JsonSerializer.Serialize(new { mnemonic = AnvilDevAccounts.Mnemonic, path = AnvilDevAccounts.DerivationPath, count = 10 });
        using var derived = JsonDocument.Parse(await NodeScript.RunAsync("dev-accounts.cjs", request));

        var accounts = derived.RootElement.EnumerateArray().ToArray();
        Assert.Equal(10, accounts.Length);
        for (var i = 0; i < accounts.Length; i++)
        {
            Assert.Equal(AnvilDevAccounts.PrivateKeys[i], accounts[i].GetProperty("privateKey").GetString());
            // ethers writes EIP-55, as Address.ToString does.
            Assert.Equal(AnvilDevAccounts.Addresses[i].ToString(), accounts[i].GetProperty("address").GetString());
        }
    }

    [Fact]
    public async Task Dev_accounts_hold_ten_thousand_ether_at_genesis()
    {
        foreach (var address in AnvilDevAccounts.Addresses)
            Assert.Equal(AnvilDevAccounts.InitialBalanceWei, await anvil.Eth.GetBalanceAsync(address, BlockParameter.Earliest));
    }

    [Fact]
    public async Task Mining_advances_the_chain_by_the_requested_number_of_blocks()
    {
        var before = await anvil.Eth.BlockNumberAsync();

        await anvil.MineAsync(3);

        Assert.Equal(before + 3, await anvil.Eth.BlockNumberAsync());
    }

    [Fact]
    public async Task Reverting_to_a_snapshot_restores_the_chain()
    {
        var before = await anvil.Eth.BlockNumberAsync();
        var snapshot = await anvil.SnapshotAsync();
        await anvil.MineAsync(5);
        Assert.Equal(before + 5, await anvil.Eth.BlockNumberAsync());

        Assert.True(await anvil.RevertAsync(snapshot));

        Assert.Equal(before, await anvil.Eth.BlockNumberAsync());
    }
}
