using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>A USDT-shaped token (no return data, reverts on failure) works through a channel's whole life.</summary>
[Collection(HostileCollection.Name)]
public sealed class NoReturnTokenTests(HostileFixture fixture)
{
    private TokenNetworkSetup Setup => fixture.NoReturn;

    [Fact]
    public async Task A_channel_opens_takes_deposits_pays_a_withdrawal_and_settles_exactly()
    {
        var (a, b, helper) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        var opened = await a.Network.OpenChannelWithDepositAsync(a.Address, b.Address, Setup.SettleTimeout, 100);
        var channelId = TokenNetworkContract.EventsOf(opened, Setup.Network).OfType<ChannelOpened>().Single().ChannelId;
        await b.Network.SetTotalDepositAsync(channelId, b.Address, 30, a.Address);
        // A third party's deposit is paid by the third party.
        await helper.Network.SetTotalDepositAsync(channelId, b.Address, 50, a.Address);
        Assert.Equal(networkBefore + 150, await Setup.TokenBalanceAsync(Setup.Network));
        Assert.Equal(NetworkFixture.InitialTokens - 20, await helper.TokenBalanceAsync());

        var (withdraw, own, partner) = await HostileChannels.SignWithdrawAsync(a, b, channelId, 20);
        await a.Network.SetTotalWithdrawAsync(channelId, a.Address, withdraw.TotalWithdraw, withdraw.ExpirationBlock, own, partner);
        Assert.Equal(NetworkFixture.InitialTokens - 80, await a.TokenBalanceAsync());
        await NetworkLedger.AssertSolventAsync(Setup);

        // Off-chain: a pays b 35 in two proofs, b pays a 10; a closes with b's proof, b updates with a's latest.
        a.SignBalanceProof(channelId, 15, Hash256.Zero, 1);
        var (aLatest, aSignature) = a.SignBalanceProof(channelId, 35, Hash256.Zero, 2);
        var (bLatest, bSignature) = b.SignBalanceProof(channelId, 10, Hash256.Zero, 1);
        await a.Network.CloseChannelAsync(channelId, b.Address, bLatest.BalanceHash, bLatest.Nonce, bLatest.AdditionalHash, bSignature);
        await b.Network.UpdateNonClosingBalanceProofAsync(channelId, a.Address, aLatest.BalanceHash, aLatest.Nonce, aLatest.AdditionalHash, aSignature);
        await HostileChannels.MineUntilSettleableAsync(Setup, channelId);
        var receipt = await fixture.AsOutsider(Setup).SettleChannelAsync(channelId, b.Address, 10, Hash256.Zero, a.Address, 35, Hash256.Zero);

        // a: 100 − 20 + 10 − 35 = 55; b: 50 + 35 − 10 = 75; together the 130 the channel held.
        var settled = Assert.Single(TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<ChannelSettled>());
        Assert.Equal((new UInt256(55), new UInt256(75)), (settled.Participant1Amount, settled.Participant2Amount));
        Assert.Equal(NetworkFixture.InitialTokens - 80 + 55, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 30 + 75, await b.TokenBalanceAsync());
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task A_cooperative_settlement_pays_both_at_once()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenWithDepositsAsync(a, b, 70, 30);
        var (_, signature1, signature2) = HostileChannels.SignCooperativeSettle(a, 45, b, 55, channelId);

        await fixture.AsOutsider(Setup).CooperativeSettleAsync(channelId, a.Address, 45, b.Address, 55, signature1, signature2);

        Assert.Equal(NetworkFixture.InitialTokens - 25, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens + 25, await b.TokenBalanceAsync());
        Assert.Equal(ChannelState.Settled, (await Setup.Reader.GetChannelInfoAsync(channelId)).State);
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task A_deposit_beyond_the_depositors_tokens_is_refused_and_changes_nothing()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenAsync(a, b);
        var before = await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address);

        // The token reverts (it has no false to return): the network reports the refusal as its own error.
        await ContractAssert.RevertsWith(
            "TokenTransferFailed",
            () => a.Network.SetTotalDepositAsync(channelId, a.Address, NetworkFixture.InitialTokens + 1, b.Address));

        Assert.Equal(before, await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address));
        await NetworkLedger.AssertSolventAsync(Setup);
    }
}
