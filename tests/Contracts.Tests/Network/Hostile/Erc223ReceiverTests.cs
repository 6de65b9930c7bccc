using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>
/// An ERC223 token notifies a receiving contract, which may revert: a participant that is such a
/// contract cannot block its partner's payout. The partner is paid, the contract's share is kept for
/// it, and it gets it by claimPayout once it accepts tokens.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class Erc223ReceiverTests(HostileFixture fixture)
{
    private TokenNetworkSetup Setup => fixture.Erc223;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_receiver_contract_that_refuses_tokens_cannot_block_its_partners_payout(bool receiverIsParticipant1)
    {
        var a = await fixture.NewPartyAsync(Setup);
        var receiver = await fixture.DeployRefusingReceiverAsync();
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        // The contract has no key: a opens, deposits for both, closes; anyone settles.
        var (participant1, participant2) = receiverIsParticipant1 ? (receiver, a.Address) : (a.Address, receiver);
        var opened = await a.Network.OpenChannelAsync(participant1, participant2, Setup.SettleTimeout);
        var channelId = TokenNetworkContract.EventsOf(opened, Setup.Network).OfType<ChannelOpened>().Single().ChannelId;
        await a.Network.SetTotalDepositAsync(channelId, a.Address, 100, receiver);
        await a.Network.SetTotalDepositAsync(channelId, receiver, 40, a.Address);
        await HostileChannels.CloseWithoutProofAndWaitAsync(Setup, a, receiver, channelId);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);

        var receipt = await fixture.AsOutsider(Setup).SettleChannelAsync(channelId, a.Address, 0, Hash256.Zero, receiver, 0, Hash256.Zero);

        var events = TokenNetworkContract.EventsOf(receipt, Setup.Network);
        var settled = Assert.Single(events.OfType<ChannelSettled>());
        var expected = receiverIsParticipant1 ? (new UInt256(40), new UInt256(100)) : (new UInt256(100), new UInt256(40));
        Assert.Equal(expected, (settled.Participant1Amount, settled.Participant2Amount));
        var deferred = Assert.Single(events.OfType<PayoutDeferred>());
        Assert.Equal((receiver, new UInt256(40)), (deferred.Recipient, deferred.Amount));
        Assert.Equal(NetworkFixture.InitialTokens - 40, await a.TokenBalanceAsync());
        Assert.Equal(UInt256.Zero, await Setup.TokenBalanceAsync(receiver));
        Assert.Equal(new UInt256(40), await Setup.Reader.DeferredPayoutAsync(receiver));
        Assert.Equal(networkBefore - 100, await Setup.TokenBalanceAsync(Setup.Network));
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);

        await ContractAssert.RevertsWith("TokenTransferFailed", () => fixture.AsOutsider(Setup).ClaimPayoutAsync(receiver));
        Assert.Equal(new UInt256(40), await Setup.Reader.DeferredPayoutAsync(receiver));

        await fixture.SetAcceptingAsync(receiver, true);
        await fixture.AsOutsider(Setup).ClaimPayoutAsync(receiver);

        Assert.Equal(new UInt256(40), await Setup.TokenBalanceAsync(receiver));
        Assert.Equal(UInt256.Zero, await Setup.Reader.DeferredPayoutAsync(receiver));
        Assert.Equal(networkBefore - 140, await Setup.TokenBalanceAsync(Setup.Network));
        await ContractAssert.RevertsWith("NothingToClaim", () => fixture.AsOutsider(Setup).ClaimPayoutAsync(receiver));
        await NetworkLedger.AssertSolventAsync(Setup);
    }
}
