using Photon.Ethereum;
using Photon.Protocol.Channels;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.Channels;

public sealed class BalancesTests
{
    [Fact]
    public void Distributable_is_deposit_minus_withdraw_plus_received_minus_transferred_minus_locked()
    {
        var end = new ChannelEnd(Us, 1_000) { TotalWithdraw = 150, TransferredAmount = 200, Locks = [Lock(1, 30), Lock(2, 20)] };
        var partner = new ChannelEnd(Partner, 10) { TransferredAmount = 400 };

        Assert.Equal(new UInt256(1_000 - 150 + 400 - 200 - 50), Balances.Distributable(end, partner));
        Assert.True(Balances.IsWithinCapacity(end, partner));
    }

    [Fact]
    public void An_end_may_have_withdrawn_more_than_it_deposited_out_of_what_it_received()
    {
        var end = new ChannelEnd(Us, 100) { TotalWithdraw = 250 };
        var partner = new ChannelEnd(Partner, 500) { TransferredAmount = 200 };

        Assert.Equal(new UInt256(50), Balances.Distributable(end, partner));
        Assert.True(Balances.CanCommit(end, partner, 50, 0));
        Assert.False(Balances.CanCommit(end, partner, 50, 1));
    }

    [Fact]
    public void A_state_beyond_capacity_reads_as_nothing_distributable_never_negative()
    {
        var end = new ChannelEnd(Us, 100) { TransferredAmount = 150 };
        var partner = new ChannelEnd(Partner, 0);

        Assert.Equal(UInt256.Zero, Balances.Distributable(end, partner));
        Assert.False(Balances.IsWithinCapacity(end, partner));
    }

    [Fact]
    public void Sums_beyond_two_to_the_256_are_exact_and_never_throw()
    {
        var rich = new ChannelEnd(Us, UInt256.MaxValue);
        var generous = new ChannelEnd(Partner, 0) { TransferredAmount = UInt256.MaxValue };

        // 2^257 − 2 can be named by no uint256: the most one can name.
        Assert.Equal(UInt256.MaxValue, Balances.Distributable(rich, generous));
        // Transferred + locked must fit a uint256 even when the capacity is larger.
        Assert.False(Balances.CanCommit(rich, generous, UInt256.MaxValue, 1));
        Assert.True(Balances.CanCommit(rich, generous, UInt256.MaxValue - 1, 1));

        var withdrawn = rich with { TotalWithdraw = UInt256.MaxValue, TransferredAmount = 5 };
        // MaxValue + MaxValue − MaxValue − 5
        Assert.Equal(UInt256.MaxValue - 5, Balances.Distributable(withdrawn, generous));
        Assert.True(Balances.CanCommit(withdrawn, generous, UInt256.MaxValue, 0));
        Assert.False(Balances.CanCommit(withdrawn with { TotalWithdraw = UInt256.MaxValue }, new ChannelEnd(Partner, 0) { TransferredAmount = UInt256.MaxValue - 1 }, UInt256.MaxValue, 0));
    }
}
