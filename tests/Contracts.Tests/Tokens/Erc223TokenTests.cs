using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Tokens;

/// <summary>ERC223: transfers to contracts notify them through tokenFallback and need their consent.</summary>
public sealed class Erc223TokenTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly byte[] Payload = Convert.FromHexString("00112233445566778899aabbccddeeff0102030405060708090a0b0c0d0e0f10111213");

    [Fact]
    public async Task Transfer_with_data_to_a_contract_calls_tokenFallback_with_sender_value_and_data()
    {
        var (token, receiver) = await DeployAsync(accept: true);

        await token.SendAsync(Dev.Alice, "transfer(address,uint256,bytes)", receiver.Address, 250, Payload);

        Assert.Equal(UInt256.One, await receiver.UInt256Async("calls"));
        Assert.Equal(token.Address, (await receiver.CallAsync("lastCaller")).GetAddress(0));
        Assert.Equal(Dev.Alice, (await receiver.CallAsync("lastFrom")).GetAddress(0));
        Assert.Equal((UInt256)250, await receiver.UInt256Async("lastValue"));
        Assert.Equal(Payload, (await receiver.CallAsync("lastData")).GetBytes(0));
        Assert.Equal((UInt256)250, await token.BalanceOfAsync(receiver.Address));
        Assert.Equal((UInt256)750, await token.BalanceOfAsync(Dev.Alice));
    }

    [Fact]
    public async Task Plain_transfer_to_a_contract_calls_tokenFallback_with_empty_data()
    {
        var (token, receiver) = await DeployAsync(accept: true);

        await token.SendAsync(Dev.Alice, "transfer(address,uint256)", receiver.Address, 40);

        Assert.Equal(UInt256.One, await receiver.UInt256Async("calls"));
        Assert.Equal(Dev.Alice, (await receiver.CallAsync("lastFrom")).GetAddress(0));
        Assert.Equal((UInt256)40, await receiver.UInt256Async("lastValue"));
        Assert.Empty((await receiver.CallAsync("lastData")).GetBytes(0));
        Assert.Equal((UInt256)40, await token.BalanceOfAsync(receiver.Address));
    }

    [Fact]
    public async Task Transfer_to_a_receiver_that_returns_false_reverts_and_moves_nothing()
    {
        var (token, receiver) = await DeployAsync(accept: false);

        var error = await token.CallRevertsWithAsync("TokenFallbackRejected", Dev.Alice, "transfer(address,uint256,bytes)", receiver.Address, 250, Payload);
        await token.SendRevertingAsync(Dev.Alice, "transfer(address,uint256,bytes)", receiver.Address, 250, Payload);
        await token.CallRevertsWithAsync("TokenFallbackRejected", Dev.Alice, "transfer(address,uint256)", receiver.Address, 250);

        Assert.Equal(receiver.Address, error.GetAddress("receiver"));
        Assert.Equal(UInt256.Zero, await receiver.UInt256Async("calls"));
        Assert.Equal(UInt256.Zero, await token.BalanceOfAsync(receiver.Address));
        Assert.Equal((UInt256)1000, await token.BalanceOfAsync(Dev.Alice));
    }

    [Fact]
    public async Task Transfer_to_a_contract_without_tokenFallback_reverts()
    {
        var (token, _) = await DeployAsync(accept: true);
        var other = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.TestToken, "Other", "OTH");

        var receipt = await token.SendRevertingAsync(Dev.Alice, "transfer(address,uint256)", other.Address, 5);

        Assert.Empty(receipt.Logs);
        Assert.Equal(UInt256.Zero, await token.BalanceOfAsync(other.Address));
    }

    [Fact]
    public async Task Transfer_with_data_to_an_account_without_code_just_moves_the_tokens()
    {
        var (token, _) = await DeployAsync(accept: true);

        var result = await token.CallFromAsync(Dev.Alice, "transfer(address,uint256,bytes)", Dev.Bob, 10, Payload);
        await token.SendAsync(Dev.Alice, "transfer(address,uint256,bytes)", Dev.Bob, 10, Payload);

        Assert.True(result.GetBool(0));
        Assert.Equal((UInt256)10, await token.BalanceOfAsync(Dev.Bob));
    }

    [Fact]
    public async Task TransferFrom_does_not_notify_the_receiver()
    {
        var (token, receiver) = await DeployAsync(accept: false);
        await token.SendAsync(Dev.Alice, "approve", Dev.Bob, 100);

        await token.SendAsync(Dev.Bob, "transferFrom", Dev.Alice, receiver.Address, 60);

        Assert.Equal(UInt256.Zero, await receiver.UInt256Async("calls"));
        Assert.Equal((UInt256)60, await token.BalanceOfAsync(receiver.Address));
    }

    /// <summary>A fresh token with 1000 minted to Alice, and a receiver that answers <paramref name="accept"/>.</summary>
    private async Task<(DeployedContract Token, DeployedContract Receiver)> DeployAsync(bool accept)
    {
        var token = await DeployedContract.DeployAsync(anvil.Eth, ContractArtifacts.Erc223Token);
        await token.SendAsync(Dev.Alice, "mint", Dev.Alice, 1000);
        return (token, await TokenProbes.DeployReceiverAsync(anvil.Eth, accept));
    }
}
