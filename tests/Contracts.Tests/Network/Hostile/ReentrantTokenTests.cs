using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>
/// A token that calls back into the TokenNetwork from inside the transfers the network makes: every
/// such call is refused with Reentrancy, the outer operation completes with exact amounts, and the
/// operation the token attempted is still there to be done the ordinary way.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class ReentrantTokenTests(HostileFixture fixture)
{
    public static TheoryData<ReentryTarget> Targets => new(Enum.GetValues<ReentryTarget>());

    private TokenNetworkSetup Setup => fixture.Reentrant;

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_call_back_into_the_network_during_a_deposit_is_refused_and_the_deposit_is_exact(ReentryTarget target)
    {
        var victim = await ReentryVictim.PrepareAsync(fixture, target);
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenAsync(a, b);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await victim.AssertOutsideATransferItIsNotRefusedForReentrancyAsync();
        var victimBefore = await victim.ReadAsync();

        var receipt = await ArmedAsync(victim, () => a.Network.SetTotalDepositAsync(channelId, a.Address, 100, b.Address));

        Assert.Equal(victimBefore, await victim.ReadAsync());
        var deposit = Assert.Single(TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<ChannelNewDeposit>());
        Assert.Equal((channelId, a.Address, new UInt256(100)), (deposit.ChannelId, deposit.Participant, deposit.TotalDeposit));
        Assert.Equal(new UInt256(100), (await Setup.Reader.GetParticipantInfoAsync(channelId, a.Address)).Deposit);
        Assert.Equal(NetworkFixture.InitialTokens - 100, await a.TokenBalanceAsync());
        Assert.Equal(networkBefore + 100, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);
        await victim.CompleteAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_call_back_into_the_network_during_a_settlement_payout_is_refused_and_the_settlement_is_exact(ReentryTarget target)
    {
        var victim = await ReentryVictim.PrepareAsync(fixture, target);
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenWithDepositsAsync(a, b, 100, 40);
        var (proof, signature) = a.SignBalanceProof(channelId, 30, Hash256.Zero, 1);
        await b.Network.CloseChannelAsync(channelId, a.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, signature);
        await HostileChannels.MineUntilSettleableAsync(Setup, channelId);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await victim.AssertOutsideATransferItIsNotRefusedForReentrancyAsync();
        var victimBefore = await victim.ReadAsync();

        var receipt = await ArmedAsync(
            victim,
            () => fixture.AsOutsider(Setup).SettleChannelAsync(channelId, a.Address, 30, Hash256.Zero, b.Address, 0, Hash256.Zero));

        Assert.Equal(victimBefore, await victim.ReadAsync());
        var events = TokenNetworkContract.EventsOf(receipt, Setup.Network);
        var settled = Assert.Single(events.OfType<ChannelSettled>());
        Assert.Equal((new UInt256(70), new UInt256(70)), (settled.Participant1Amount, settled.Participant2Amount));
        Assert.Empty(events.OfType<PayoutDeferred>());
        Assert.Equal(ChannelState.Settled, (await Setup.Reader.GetChannelInfoAsync(channelId)).State);
        Assert.Equal(NetworkFixture.InitialTokens - 100 + 70, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 40 + 70, await b.TokenBalanceAsync());
        Assert.Equal(networkBefore - 140, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);
        await victim.CompleteAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_call_back_into_the_network_during_a_withdrawal_is_refused_and_the_withdrawal_is_exact(ReentryTarget target)
    {
        var victim = await ReentryVictim.PrepareAsync(fixture, target);
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenWithDepositsAsync(a, b, 100, 40);
        var (withdraw, own, partner) = await HostileChannels.SignWithdrawAsync(a, b, channelId, 60);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);
        await victim.AssertOutsideATransferItIsNotRefusedForReentrancyAsync();
        var victimBefore = await victim.ReadAsync();

        var receipt = await ArmedAsync(
            victim,
            () => a.Network.SetTotalWithdrawAsync(channelId, a.Address, withdraw.TotalWithdraw, withdraw.ExpirationBlock, own, partner));

        Assert.Equal(victimBefore, await victim.ReadAsync());
        var withdrawn = Assert.Single(TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<ChannelWithdraw>());
        Assert.Equal(new UInt256(60), withdrawn.TotalWithdraw);
        var info = await Setup.Reader.GetParticipantInfoAsync(channelId, a.Address);
        Assert.Equal((new UInt256(100), new UInt256(60)), (info.Deposit, info.Withdrawn));
        Assert.Equal(NetworkFixture.InitialTokens - 100 + 60, await a.TokenBalanceAsync());
        Assert.Equal(networkBefore - 60, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);
        await victim.CompleteAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    /// <summary>
    /// Arms the token with the victim's call, runs the outer operation, and checks that the token
    /// made exactly that one call inside it and that the network refused it with Reentrancy.
    /// </summary>
    private async Task<TransactionReceipt> ArmedAsync(ReentryVictim victim, Func<Task<TransactionReceipt>> outer)
    {
        var countBefore = (await HostileTokenViews.CallAsync(Setup, "armedCallCount")).GetUInt256(0);
        await fixture.Outsider.SendAsync(Setup.Token, Setup.TokenArtifact.Abi.GetFunction("arm").EncodeCall(Setup.Network, victim.CallData));

        var receipt = await outer();

        Assert.Equal(countBefore + 1, (await HostileTokenViews.CallAsync(Setup, "armedCallCount")).GetUInt256(0));
        Assert.False((await HostileTokenViews.CallAsync(Setup, "lastCallSucceeded")).GetBool(0));
        var returnData = (await HostileTokenViews.CallAsync(Setup, "lastCallReturnData")).GetBytes(0);
        Assert.Equal("Reentrancy", TokenNetworkContract.TryDecodeError(returnData)?.Error.Name);
        var made = Assert.Single(HostileTokenViews.EventsIn(Setup, receipt), e => e.Event.Name == "ArmedCallMade");
        Assert.Equal(Setup.Network, made.Values.GetAddress("target"));
        Assert.False(made.Values.GetBool("success"));
        Assert.Equal(returnData, made.Values.GetBytes("returnData"));
        Assert.False((await HostileTokenViews.CallAsync(Setup, "armed")).GetBool(0));
        return receipt;
    }
}
