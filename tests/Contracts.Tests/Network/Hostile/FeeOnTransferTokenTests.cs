using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Hostile;

/// <summary>
/// A token that burns 1% (rounded down) of every transfer: a deposit that would arrive short is
/// refused, so the network never owes more than it holds; the fee on a payout falls on its recipient.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class FeeOnTransferTokenTests(HostileFixture fixture)
{
    private TokenNetworkSetup Setup => fixture.FeeOnTransfer;

    [Fact]
    public async Task A_deposit_that_arrives_short_is_refused_and_changes_nothing()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenAsync(a, b);
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        var before = await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);

        var error = await ContractAssert.RevertsWith("TokenAmountMismatch", () => a.Network.SetTotalDepositAsync(channelId, a.Address, 100, b.Address));

        Assert.Equal(new UInt256(100), error.Arguments.GetUInt256("expected"));
        Assert.Equal(new UInt256(99), error.Arguments.GetUInt256("received"));
        Assert.Equal(before, await HostileChannelState.ReadAsync(Setup, channelId, a.Address, b.Address));
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task An_open_with_a_deposit_that_arrives_short_opens_nothing()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var counter = await Setup.Reader.ChannelCounterAsync();

        var error = await ContractAssert.RevertsWith(
            "TokenAmountMismatch",
            () => a.Network.OpenChannelWithDepositAsync(a.Address, b.Address, Setup.SettleTimeout, 1_000));

        Assert.Equal((new UInt256(1_000), new UInt256(990)), (error.Arguments.GetUInt256("expected"), error.Arguments.GetUInt256("received")));
        Assert.Equal(UInt256.Zero, await Setup.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(counter, await Setup.Reader.ChannelCounterAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        await NetworkLedger.AssertSolventAsync(Setup);
    }

    [Fact]
    public async Task Deposits_too_small_to_bear_a_fee_arrive_whole_and_the_fee_on_a_payout_falls_on_its_recipient()
    {
        var (a, b) = (await fixture.NewPartyAsync(Setup), await fixture.NewPartyAsync(Setup));
        var channelId = await Setup.OpenAsync(a, b);
        var bystander = await Bystander.OpenAsync(fixture, Setup);
        var networkBefore = await Setup.TokenBalanceAsync(Setup.Network);

        // 99 is the largest amount whose 1% rounds down to nothing: two such steps make a deposit of 198.
        await a.Network.SetTotalDepositAsync(channelId, a.Address, 99, b.Address);
        await a.Network.SetTotalDepositAsync(channelId, a.Address, 198, b.Address);
        await b.Network.SetTotalDepositAsync(channelId, b.Address, 99, a.Address);

        Assert.Equal(new UInt256(198), (await Setup.Reader.GetParticipantInfoAsync(channelId, a.Address)).Deposit);
        Assert.Equal(NetworkFixture.InitialTokens - 198, await a.TokenBalanceAsync());
        Assert.Equal(networkBefore + 297, await Setup.TokenBalanceAsync(Setup.Network));
        await NetworkLedger.AssertSolventAsync(Setup);

        await HostileChannels.CloseWithoutProofAndWaitAsync(Setup, a, b.Address, channelId);
        var receipt = await fixture.AsOutsider(Setup).SettleChannelAsync(channelId, a.Address, 0, Hash256.Zero, b.Address, 0, Hash256.Zero);

        var settled = Assert.Single(TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<ChannelSettled>());
        Assert.Equal((new UInt256(198), new UInt256(99)), (settled.Participant1Amount, settled.Participant2Amount));
        // The network parts with exactly the payouts; a's 198 loses its 1 token of fee on the way.
        Assert.Equal(networkBefore, await Setup.TokenBalanceAsync(Setup.Network));
        Assert.Equal(NetworkFixture.InitialTokens - 1, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await b.TokenBalanceAsync());
        await bystander.AssertUntouchedAsync();
        await NetworkLedger.AssertSolventAsync(Setup);
    }
}
