using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>The fee token delivers 99% and burns 1% (rounded down) of every transfer.</summary>
public sealed class FeeOnTransferTokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Transfer_delivers_99_percent_and_burns_the_fee()
    {
        var token = await DeployAsync();

        var receipt = await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 1000);

        Assert.Equal((UInt256)9000, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal((UInt256)990, await token.BalanceOfAsync(Dev.Bob));
        Assert.Equal((UInt256)9990, await token.UInt256Async("totalSupply"));
        var events = token.EventsIn(receipt);
        Assert.Equal(2, events.Count);
        Assert.Equal((Dev.Alice, Dev.Bob, (UInt256)990), (events[0].Values.GetAddress("from"), events[0].Values.GetAddress("to"), events[0].Values.GetUInt256("value")));
        Assert.Equal((Dev.Alice, Address.Zero, (UInt256)10), (events[1].Values.GetAddress("from"), events[1].Values.GetAddress("to"), events[1].Values.GetUInt256("value")));
    }

    [Fact]
    public async Task TransferFrom_delivers_99_percent_and_spends_the_whole_amount_of_allowance()
    {
        var token = await DeployAsync();
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 5000);

        await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 2000);

        Assert.Equal((UInt256)8000, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal((UInt256)1980, await token.BalanceOfAsync(Dev.Carol));
        Assert.Equal((UInt256)3000, await token.UInt256Async("allowance", Dev.Alice, Dev.Bob));
    }

    [Fact]
    public async Task The_fee_rounds_down()
    {
        var token = await DeployAsync();

        await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 199);

        Assert.Equal((UInt256)198, await token.BalanceOfAsync(Dev.Bob));
        Assert.Equal((UInt256)9801, await token.BalanceOfAsync(Dev.Alice));
    }

    [Fact]
    public async Task Transfer_beyond_the_balance_reports_the_whole_amount()
    {
        var token = await DeployAsync();

        var error = await token.CallRevertsWithAsync("InsufficientBalance", Dev.Alice, "transfer", Dev.Bob, 10_001);

        Assert.Equal((UInt256)10_000, error.GetUInt256("balance"));
        Assert.Equal((UInt256)10_001, error.GetUInt256("needed"));
    }

    private async Task<DeployedContract> DeployAsync()
    {
        var token = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.FeeOnTransferToken);
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 10_000);
        return token;
    }
}
