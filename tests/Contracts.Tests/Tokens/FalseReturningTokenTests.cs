using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>Switched on, the false token returns false and moves nothing, without reverting.</summary>
public sealed class FalseReturningTokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Transfers_return_true_and_move_tokens_until_switched()
    {
        var token = await DeployAsync();

        Assert.True((await token.CallFromAsync(Dev.Alice, "transfer", Dev.Bob, 10)).GetBool(0));
        await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 10);

        Assert.Equal((UInt256)10, await token.BalanceOfAsync(Dev.Bob));
    }

    [Fact]
    public async Task Switched_transfer_returns_false_and_moves_nothing()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Carol, "setFailTransfer", true);

        var output = await token.CallRawAsync(Dev.Alice, "transfer", Dev.Bob, 10);
        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 10);

        Assert.Equal(new byte[32], output);
        Assert.Empty(receipt.Logs);
        Assert.Equal((UInt256)1000, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal(UInt256.Zero, await token.BalanceOfAsync(Dev.Bob));
    }

    [Fact]
    public async Task Switched_transferFrom_returns_false_and_moves_nothing_nor_spends_allowance()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 100);
        await token.SendAsync(Dev.Carol, "setFailTransferFrom", true);

        var result = await token.CallFromAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 50);
        var receipt = await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 50);

        Assert.False(result.GetBool(0));
        Assert.Empty(receipt.Logs);
        Assert.Equal(UInt256.Zero, await token.BalanceOfAsync(Dev.Carol));
        Assert.Equal((UInt256)100, await token.UInt256Async("allowance", Dev.Alice, Dev.Bob));
    }

    [Fact]
    public async Task The_two_switches_are_independent_and_can_be_turned_off()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 100);
        await token.SendAsync(Dev.Carol, "setFailTransfer", true);

        Assert.True((await token.CallFromAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 50)).GetBool(0));
        await token.SendAsync(Dev.Carol, "setFailTransfer", false);
        Assert.True((await token.CallFromAsync(Dev.Alice, "transfer", Dev.Bob, 10)).GetBool(0));
        Assert.False((await token.CallAsync("failTransfer")).GetBool(0));
        Assert.False((await token.CallAsync("failTransferFrom")).GetBool(0));
    }

    private async Task<DeployedContract> DeployAsync()
    {
        var token = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.FalseReturningToken);
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        return token;
    }
}
