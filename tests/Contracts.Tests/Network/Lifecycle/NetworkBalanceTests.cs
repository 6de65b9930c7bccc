using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Lifecycle;

/// <summary>
/// The network's token balance equals Σ (deposits − withdrawals) over its live channels after every
/// flow of the channel lifecycle, for each way tokens come in.
/// </summary>
public sealed class NetworkBalanceTests(LifecycleCallbackFixture fixture) : IClassFixture<LifecycleCallbackFixture>
{
    [Fact]
    public async Task An_erc20_network_holds_exactly_what_its_channels_hold_after_every_flow()
    {
        var setup = fixture.Main;
        var (a, b, c) = (await setup.NewPartyAsync(), await setup.NewPartyAsync(), await setup.NewPartyAsync());
        var start = await setup.TokenBalanceAsync(setup.Network);
        await NetworkLedger.AssertBalancedAsync(setup, "nothing");

        var ab = await setup.OpenAsync(a, b);
        await NetworkLedger.AssertBalancedAsync(setup, "an open");
        await a.Network.SetTotalDepositAsync(ab, a.Address, 1000, b.Address);
        await NetworkLedger.AssertBalancedAsync(setup, "a deposit");
        await c.Network.SetTotalDepositAsync(ab, b.Address, 400, a.Address);
        await NetworkLedger.AssertBalancedAsync(setup, "a third-party deposit");
        var bc = (await setup.Reader.ChannelCounterAsync()) + 1;
        await c.Network.OpenChannelWithDepositAsync(b.Address, c.Address, setup.SettleTimeout, 300);
        await NetworkLedger.AssertBalancedAsync(setup, "an open with deposit");
        await ContractAssert.RevertsWith("TotalDepositNotIncreasing", () => a.Network.SetTotalDepositAsync(ab, a.Address, 999, b.Address));
        await NetworkLedger.AssertBalancedAsync(setup, "a refused deposit");

        await WithdrawAsync(setup, ab, b, a, 1100);
        await NetworkLedger.AssertBalancedAsync(setup, "a withdrawal beyond the own deposit");
        await LifecycleChannels.CooperativeSettleAsync(a, 200, b, 100, ab);
        await NetworkLedger.AssertBalancedAsync(setup, "a cooperative settlement");
        await LifecycleChannels.CloseWithoutProofAsync(c, b, bc);
        await NetworkLedger.AssertBalancedAsync(setup, "a close");
        await LifecycleChannels.SettleClosedAsync(c, b, bc);
        await NetworkLedger.AssertBalancedAsync(setup, "a settlement");

        Assert.Equal(start, await setup.TokenBalanceAsync(setup.Network));
        // Every token went back to someone: 1000 + 400 + 300 in, 1100 + 200 + 100 + 300 out.
        Assert.Equal(NetworkFixture.InitialTokens * 3, await a.TokenBalanceAsync() + await b.TokenBalanceAsync() + await c.TokenBalanceAsync());
    }

    [Fact]
    public async Task An_erc223_network_holds_exactly_what_its_channels_hold_after_every_flow()
    {
        var setup = fixture.Erc223;
        var (a, b) = (await setup.NewPartyAsync(), await setup.NewPartyAsync());

        await LifecycleCalls.CallTokenAsync(a, "transfer(address,uint256,bytes)", setup.Network, new UInt256(700), DepositData(setup, a, b));
        await NetworkLedger.AssertBalancedAsync(setup, "an ERC223 open and deposit");
        await LifecycleCalls.CallTokenAsync(b, "transfer(address,uint256,bytes)", setup.Network, new UInt256(300), DepositData(setup, b, a));
        await NetworkLedger.AssertBalancedAsync(setup, "an ERC223 deposit into an existing channel");
        await ContractAssert.RevertsWith("InvalidDepositData", () => LifecycleCalls.CallTokenAsync(a, "transfer(address,uint256)", setup.Network, new UInt256(5)));
        await NetworkLedger.AssertBalancedAsync(setup, "a refused ERC223 transfer");

        await SettleAfterWithdrawAsync(setup, a, b);
    }

    [Fact]
    public async Task An_approve_and_call_network_holds_exactly_what_its_channels_hold_after_every_flow()
    {
        var setup = fixture.ApproveAndCall;
        var (a, b) = (await setup.NewPartyAsync(), await setup.NewPartyAsync());

        await LifecycleCalls.CallTokenAsync(a, "approveAndCall", setup.Network, new UInt256(700), DepositData(setup, a, b));
        await NetworkLedger.AssertBalancedAsync(setup, "an ApproveAndCall open and deposit");
        await LifecycleCalls.CallTokenAsync(b, "approveAndCall", setup.Network, new UInt256(300), DepositData(setup, b, a));
        await NetworkLedger.AssertBalancedAsync(setup, "an ApproveAndCall deposit into an existing channel");

        await SettleAfterWithdrawAsync(setup, a, b);
    }

    /// <summary>The channel of a and b holds 1000: a withdraws 250, then both settle cooperatively.</summary>
    private static async Task SettleAfterWithdrawAsync(TokenNetworkSetup setup, Party a, Party b)
    {
        var id = await setup.Reader.GetChannelIdentifierAsync(a.Address, b.Address);
        var network = await setup.TokenBalanceAsync(setup.Network);
        await WithdrawAsync(setup, id, a, b, 250);
        await NetworkLedger.AssertBalancedAsync(setup, "a withdrawal");
        Assert.Equal(network - 250, await setup.TokenBalanceAsync(setup.Network));

        await LifecycleChannels.CooperativeSettleAsync(a, 400, b, 350, id);
        await NetworkLedger.AssertBalancedAsync(setup, "a cooperative settlement");
        Assert.Equal(network - 1000, await setup.TokenBalanceAsync(setup.Network));
        Assert.Equal(NetworkFixture.InitialTokens * 2, await a.TokenBalanceAsync() + await b.TokenBalanceAsync());
    }

    private static byte[] DepositData(TokenNetworkSetup setup, Party participant, Party partner) =>
        TokenNetworkContract.EncodeDepositData(participant.Address, partner.Address, setup.SettleTimeout);

    private static async Task WithdrawAsync(TokenNetworkSetup setup, UInt256 id, Party participant, Party partner, UInt256 total)
    {
        var proof = new WithdrawProof(id, participant.Address, total, await setup.Fixture.BlockNumberAsync() + 10);
        await participant.Network.SetTotalWithdrawAsync(id, participant.Address, total, proof.ExpirationBlock, participant.Sign(proof), partner.Sign(proof));
    }
}
