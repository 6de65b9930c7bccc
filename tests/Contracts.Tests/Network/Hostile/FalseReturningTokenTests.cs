using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>
/// A token that answers false (moving nothing) instead of reverting: deposits and withdrawals it
/// refuses revert and change nothing; payouts it refuses at settlement are kept for their recipients
/// and delivered by claimPayout once the token works again.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class FalseReturningTokenTests(HostileFixture fixture) : IAsyncLifetime
{
    private TokenNetworkSetup Setup => fixture.FalseReturning;

    // The switches are the token's, shared by every test of the collection: each test starts and ends with a working token.
    public Task InitializeAsync() => FailAsync(transfer: false, transferFrom: false);

    public Task DisposeAsync() => FailAsync(transfer: false, transferFrom: false);

    [Fact]
    public async Task A_deposit_the_token_answers_false_to_is_refused_and_changes_nothing()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenAsync(a, b);
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        var before = await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await FailAsync(transfer: false, transferFrom: true);

        await ContractAssert.RevertsWith("TokenTransferFailed", () => a.Network.SetTotalDepositAsync(channelId, a.Address, 100, b.Address));

        Assert.Equal(before, await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address));
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);

        await FailAsync(transfer: false, transferFrom: false);
        await a.Network.SetTotalDepositAsync(channelId, a.Address, 100, b.Address);
        Assert.Equal(new UInt256(100), (await Setup.Reader.GetParticipantInfoAsync(channelId, a.Address)).Deposit);
        Assert.Equal(networkBefore + 100, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task An_open_with_a_deposit_the_token_answers_false_to_opens_nothing()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var counter = await Setup.Reader.ChannelCounterAsync();
        await FailAsync(transfer: false, transferFrom: true);

        await ContractAssert.RevertsWith(
            "TokenTransferFailed",
            () => a.Network.OpenChannelWithDepositAsync(a.Address, b.Address, Setup.SettleTimeout, 100));

        Assert.Equal(UInt256.Zero, await Setup.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(counter, await Setup.Reader.ChannelCounterAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task When_payouts_start_failing_before_settlement_it_completes_and_keeps_every_payout_until_claimed()
    {
        var (a, b, monitor) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenWithDepositsAsync(a, b, 100, 40);
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        // a paid b 30 but closes as if it never had; b's monitor answers with a's proof, for a reward of 5.
        var (proof, signature) = a.SignBalanceProof(channelId, 30, Hash256.Zero, 1);
        await a.Network.CloseChannelAsync(channelId, b.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        var delegation = new MonitorDelegation(channelId, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, monitor.Address, 5);
        await monitor.Network.UpdateBalanceProofDelegateAsync(
            channelId, a.Address, b.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, signature, b.Sign(delegation), delegation.Reward);
        await HostileChannels.MineUntilSettleableAsync(Setup, channelId);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await FailAsync(transfer: true, transferFrom: false);

        var receipt = await fixture.AsOutsider(Setup).SettleChannelAsync(channelId, a.Address, 30, Hash256.Zero, b.Address, 0, Hash256.Zero);

        var events = TokenNetworkContract.EventsOf(receipt, Setup.Network);
        var settled = Assert.Single(events.OfType<ChannelSettled>());
        Assert.Equal((new UInt256(70), new UInt256(65)), (settled.Participant1Amount, settled.Participant2Amount));
        Assert.Equal(new UInt256(5), Assert.Single(events.OfType<MonitorRewarded>()).Amount);
        Assert.Equal(
            [(a.Address, new UInt256(70)), (b.Address, new UInt256(65)), (monitor.Address, new UInt256(5))],
            events.OfType<PayoutDeferred>().Select(e => (e.Recipient, e.Amount)));
        Assert.Equal(ChannelState.Settled, (await Setup.Reader.GetChannelInfoAsync(channelId)).State);
        Assert.Equal(new UInt256(70), await Setup.Reader.DeferredPayoutAsync(a.Address));
        Assert.Equal(new UInt256(65), await Setup.Reader.DeferredPayoutAsync(b.Address));
        Assert.Equal(new UInt256(5), await Setup.Reader.DeferredPayoutAsync(monitor.Address));
        Assert.Equal(NetworkFixture.InitialTokens - 100, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 40, await b.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await monitor.TokenBalanceAsync());
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);

        // Still failing: the claim reverts and the payout stays kept.
        await ContractAssert.RevertsWith("TokenTransferFailed", () => fixture.AsOutsider(Setup).ClaimPayoutAsync(a.Address));
        Assert.Equal(new UInt256(70), await Setup.Reader.DeferredPayoutAsync(a.Address));

        await FailAsync(transfer: false, transferFrom: false);
        var claimed = await fixture.AsOutsider(Setup).ClaimPayoutAsync(a.Address);
        var claim = Assert.Single(TokenNetworkContract.EventsOf(claimed, Setup.Network).OfType<PayoutClaimed>());
        Assert.Equal((a.Address, new UInt256(70)), (claim.Recipient, claim.Amount));
        await b.Network.ClaimPayoutAsync(b.Address);
        await monitor.Network.ClaimPayoutAsync(monitor.Address);

        Assert.Equal(NetworkFixture.InitialTokens - 30, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens + 25, await b.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens + 5, await monitor.TokenBalanceAsync());
        Assert.Equal(networkBefore - 140, await Setup.TokenBalanceAsync(Setup.Network));
        foreach (var party in (Party[])[a, b, monitor])
        {
            Assert.Equal(UInt256.Zero, await Setup.Reader.DeferredPayoutAsync(party.Address));
            var error = await ContractAssert.RevertsWith("NothingToClaim", () => fixture.AsOutsider(Setup).ClaimPayoutAsync(party.Address));
            Assert.Equal(party.Address, error.Arguments.GetAddress("recipient"));
        }
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task A_cooperative_settlement_whose_payouts_fail_completes_and_keeps_them_until_claimed()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenWithDepositsAsync(a, b, 100, 50);
        var (_, signature1, signature2) = HostileChannels.SignCooperativeSettle(a, 90, b, 60, channelId);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await FailAsync(transfer: true, transferFrom: false);

        var receipt = await fixture.AsOutsider(Setup).CooperativeSettleAsync(channelId, a.Address, 90, b.Address, 60, signature1, signature2);

        Assert.Equal(
            [(a.Address, new UInt256(90)), (b.Address, new UInt256(60))],
            TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<PayoutDeferred>().Select(e => (e.Recipient, e.Amount)));
        Assert.Equal(ChannelState.Settled, (await Setup.Reader.GetChannelInfoAsync(channelId)).State);
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);

        await FailAsync(transfer: false, transferFrom: false);
        await fixture.AsOutsider(Setup).ClaimPayoutAsync(a.Address);
        await fixture.AsOutsider(Setup).ClaimPayoutAsync(b.Address);

        Assert.Equal(NetworkFixture.InitialTokens - 10, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens + 10, await b.TokenBalanceAsync());
        Assert.Equal(networkBefore - 150, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task A_withdrawal_the_token_answers_false_to_reverts_and_leaves_the_channel_intact()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenWithDepositsAsync(a, b, 100, 50);
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        var (withdraw, own, partner) = await HostileChannels.SignWithdrawAsync(a, b, channelId, 60);
        var before = await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await FailAsync(transfer: true, transferFrom: false);

        await ContractAssert.RevertsWith(
            "TokenTransferFailed",
            () => a.Network.SetTotalWithdrawAsync(channelId, a.Address, withdraw.TotalWithdraw, withdraw.ExpirationBlock, own, partner));

        Assert.Equal(before, await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address));
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        Assert.Equal(UInt256.Zero, await Setup.Reader.DeferredPayoutAsync(a.Address));
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);

        // The same signatures work once the token does: nothing was used up by the refusal.
        await FailAsync(transfer: false, transferFrom: false);
        await a.Network.SetTotalWithdrawAsync(channelId, a.Address, withdraw.TotalWithdraw, withdraw.ExpirationBlock, own, partner);
        Assert.Equal(NetworkFixture.InitialTokens - 40, await a.TokenBalanceAsync());
        Assert.Equal(new UInt256(60), (await Setup.Reader.GetParticipantInfoAsync(channelId, a.Address)).Withdrawn);
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    private async Task FailAsync(bool transfer, bool transferFrom)
    {
        var abi = Setup.TokenArtifact.Abi;
        await fixture.Outsider.SendAsync(Setup.Token, abi.GetFunction("setFailTransfer").EncodeCall(transfer));
        await fixture.Outsider.SendAsync(Setup.Token, abi.GetFunction("setFailTransferFrom").EncodeCall(transferFrom));
        Assert.Equal(transfer, (await HostileTokenViews.CallAsync(Setup, "failTransfer")).GetBool(0));
        Assert.Equal(transferFrom, (await HostileTokenViews.CallAsync(Setup, "failTransferFrom")).GetBool(0));
    }
}
