using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>
/// What settlement pays: participant1 gets deposit1 − withdrawn1 + transferred2 − transferred1
/// clamped to [0, what the channel holds], participant2 the rest, exactly, in tokens.
/// </summary>
public sealed class SettlePayoutTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private static readonly UInt256 Max = UInt256.MaxValue;

    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task Each_participant_gets_its_deposit_plus_what_it_received_minus_what_it_sent()
    {
        // 500 − 120 + 45 = 425; the other 375 of 800 to participant2.
        await AssertPaysAsync(new DisputeSettlement(500, 300, 0, 0, 120, 45), 425, 375);
    }

    [Fact]
    public async Task The_same_channel_pays_the_same_whoever_closed()
    {
        await AssertPaysAsync(new DisputeSettlement(500, 300, 0, 0, 120, 45, Participant2Closes: true, WithLocksroots: true), 425, 375);
    }

    [Fact]
    public async Task Participant1_gets_nothing_when_it_sent_more_than_it_has()
    {
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, 1000, null), 0, 150);
    }

    [Fact]
    public async Task Participant1_gets_the_whole_channel_when_it_received_more_than_the_partner_has()
    {
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, null, 1000), 150, 0);
    }

    [Fact]
    public async Task The_clamps_hold_at_their_edges()
    {
        // Exactly the whole deposit sent, and exactly the partner's whole deposit received.
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, 100, null), 0, 150);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, null, 50), 150, 0);
    }

    [Fact]
    public async Task A_transferred_amount_of_2_pow_256_minus_1_clamps_on_either_side()
    {
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, Max, null), 0, 150);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, null, Max), 150, 0);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, Max, UInt256.One, Participant2Closes: true), 0, 150);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, UInt256.One, Max, Participant2Closes: true), 150, 0);
    }

    [Fact]
    public async Task Only_the_difference_counts_when_both_transferred_amounts_are_near_2_pow_256()
    {
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, Max, Max), 100, 50);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, Max, Max - new UInt256(3)), 97, 53);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, Max - new UInt256(3), Max), 103, 47);
    }

    [Fact]
    public async Task Withdrawals_before_the_close_are_taken_out_of_the_withdrawers_share()
    {
        // 100 − 20 + 15 − 5 = 90 of the 120 left.
        var outcome = await AssertPaysAsync(new DisputeSettlement(100, 50, 20, 10, 5, 15), 90, 30);

        Assert.Equal(ChannelState.Settled, (await Main.Reader.GetChannelInfoAsync(outcome.Channel.Id)).State);
    }

    [Fact]
    public async Task A_withdrawal_beyond_the_own_deposit_is_covered_by_what_the_partner_transferred()
    {
        // Participant1 withdrew 120 of its 100 with participant2's consent; participant2 had sent it 25: 100 − 120 + 25 = 5 of 30.
        await AssertPaysAsync(new DisputeSettlement(100, 50, 120, 0, null, 25), 5, 25);
    }

    [Fact]
    public async Task A_fully_withdrawn_channel_pays_nothing_to_either()
    {
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 150, null, null), 0, 0);
    }

    [Fact]
    public async Task Zero_proofs_on_both_sides_return_the_deposits()
    {
        await AssertPaysAsync(new DisputeSettlement(100, 50, 0, 0, null, null), 100, 50);
        await AssertPaysAsync(new DisputeSettlement(100, 50, 30, 5, null, null, Participant2Closes: true), 70, 45);
    }

    [Fact]
    public async Task A_channel_with_nothing_in_it_settles_with_nothing_paid()
    {
        await AssertPaysAsync(new DisputeSettlement(0, 0, 0, 0, 5, 7), 0, 0);
    }

    private async Task<DisputeSettlementOutcome> AssertPaysAsync(DisputeSettlement settlement, ulong expected1, ulong expected2)
    {
        var outcome = await settlement.RunAsync(Main);

        Assert.Equal(outcome.Channel.Id, outcome.Settled.ChannelId);
        Assert.Equal(new UInt256(expected1), outcome.Settled.Participant1Amount);
        Assert.Equal(new UInt256(expected2), outcome.Settled.Participant2Amount);
        Assert.Equal(new UInt256(expected1), outcome.Received1);
        Assert.Equal(new UInt256(expected2), outcome.Received2);
        Assert.Equal(new UInt256(expected1 + expected2), outcome.NetworkPaid);
        Assert.Empty(outcome.Channel.Events<MonitorRewarded>(outcome.Receipt));
        return outcome;
    }
}
