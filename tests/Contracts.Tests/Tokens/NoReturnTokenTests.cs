using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>The USDT-shaped token returns no data from transfer, transferFrom and approve, and reverts on failure.</summary>
public sealed class NoReturnTokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public void Its_abi_declares_no_outputs_for_the_three_functions()
    {
        var abi = ContractArtifacts.NoReturnToken.Abi;

        Assert.Empty(abi.GetFunction("transfer").Outputs);
        Assert.Empty(abi.GetFunction("transferFrom").Outputs);
        Assert.Empty(abi.GetFunction("approve").Outputs);
    }

    [Fact]
    public async Task Transfer_transferFrom_and_approve_return_no_data_and_do_their_work()
    {
        var token = await DeployAsync();

        Assert.Empty(await token.CallRawAsync(Dev.Alice, "transfer", Dev.Bob, 100));
        await token.SendAsync(Dev.Alice, "transfer", Dev.Bob, 100);
        Assert.Empty(await token.CallRawAsync(Dev.Alice, "approve", Dev.Bob, 300));
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 300);
        Assert.Empty(await token.CallRawAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 200));
        await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 200);

        Assert.Equal((UInt256)700, await token.BalanceOfAsync(Dev.Alice));
        Assert.Equal((UInt256)100, await token.BalanceOfAsync(Dev.Bob));
        Assert.Equal((UInt256)200, await token.BalanceOfAsync(Dev.Carol));
        Assert.Equal((UInt256)100, await token.UInt256Async("allowance", Dev.Alice, Dev.Bob));
    }

    [Fact]
    public async Task Failures_revert_instead_of_returning_false()
    {
        var token = await DeployAsync();

        await token.CallRevertsWithAsync("InsufficientBalance", Dev.Alice, "transfer", Dev.Bob, 1001);
        await token.CallRevertsWithAsync("InsufficientAllowance", Dev.Bob, "transferFrom", Dev.Alice, Dev.Carol, 1);
        await token.SendRevertingAsync(Dev.Alice, "transfer", Dev.Bob, 1001);

        Assert.Equal((UInt256)1000, await token.BalanceOfAsync(Dev.Alice));
    }

    private async Task<DeployedContract> DeployAsync()
    {
        var token = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.NoReturnToken);
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        return token;
    }
}
