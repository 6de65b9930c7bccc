using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>approveAndCall approves first, then tells the spender, which must consent.</summary>
public sealed class ApproveAndCallTokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly byte[] Payload = Convert.FromHexString("cafe0000000000000000000000000000000000000000000000000000000000000000beef");

    [Fact]
    public async Task ApproveAndCall_approves_then_calls_receiveApproval_with_the_right_arguments()
    {
        var (token, spender) = await DeployAsync(accept: true);

        var result = await token.CallFromAsync(Dev.Alice, "approveAndCall", spender.Address, 300, Payload);
        var receipt = await token.SendAsync(Dev.Alice, "approveAndCall", spender.Address, 300, Payload);

        Assert.True(result.GetBool(0));
        Assert.Equal(UInt256.One, await spender.UInt256Async("calls"));
        Assert.Equal(token.Address, (await spender.CallAsync("lastCaller")).GetAddress(0));
        Assert.Equal(Dev.Alice, (await spender.CallAsync("lastFrom")).GetAddress(0));
        Assert.Equal((UInt256)300, await spender.UInt256Async("lastValue"));
        Assert.Equal(token.Address, (await spender.CallAsync("lastToken")).GetAddress(0));
        Assert.Equal(Payload, (await spender.CallAsync("lastData")).GetBytes(0));
        Assert.Equal((UInt256)300, await spender.UInt256Async("allowanceSeen"));
        Assert.Equal((UInt256)300, await token.UInt256Async("allowance", Dev.Alice, spender.Address));
        var approval = Assert.Single(token.EventsIn(receipt));
        Assert.Equal("Approval", approval.Event.Name);
    }

    [Fact]
    public async Task ApproveAndCall_reverts_when_the_spender_returns_false_and_leaves_no_allowance()
    {
        var (token, spender) = await DeployAsync(accept: false);

        var error = await token.CallRevertsWithAsync("ReceiveApprovalRejected", Dev.Alice, "approveAndCall", spender.Address, 300, Payload);
        await token.SendRevertingAsync(Dev.Alice, "approveAndCall", spender.Address, 300, Payload);

        Assert.Equal(spender.Address, error.GetAddress("spender"));
        Assert.Equal(UInt256.Zero, await token.UInt256Async("allowance", Dev.Alice, spender.Address));
        Assert.Equal(UInt256.Zero, await spender.UInt256Async("calls"));
    }

    [Fact]
    public async Task ApproveAndCall_to_an_account_without_code_reverts()
    {
        var (token, _) = await DeployAsync(accept: true);

        await token.SendRevertingAsync(Dev.Alice, "approveAndCall", Dev.Bob, 300, Payload);

        Assert.Equal(UInt256.Zero, await token.UInt256Async("allowance", Dev.Alice, Dev.Bob));
    }

    private async Task<(DeployedContract Token, DeployedContract Spender)> DeployAsync(bool accept)
    {
        var token = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.ApproveAndCallToken);
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        return (token, await TokenProbes.DeployReceiverAsync(anvil.Eth, accept));
    }
}
