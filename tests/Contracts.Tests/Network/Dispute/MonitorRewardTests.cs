using System.Numerics;
using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>
/// A delegate update records its monitor and reward on the delegator; at settlement the monitor is
/// paid the reward out of the delegator's share, capped by that share, and the delegator keeps the rest.
/// </summary>
public sealed class MonitorRewardTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task The_monitor_is_paid_its_reward_out_of_the_delegators_share()
    {
        // Deposits 100 (closer) and 50 (delegator); the closer sent 30, the delegator 10: shares 80 and 70.
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 7);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 63, monitors: [7]);
        var rewarded = Assert.Single(outcome.Rewarded);
        Assert.Equal(dispute.Channel.Id, rewarded.ChannelId);
        Assert.Equal(dispute.Monitors[0].Address, rewarded.Monitor);
        Assert.Equal(new UInt256(7), rewarded.Amount);
    }

    [Fact]
    public async Task The_reward_comes_out_of_participant1s_share_when_participant1_delegated()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10, participant2Closes: true);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 7);

        var outcome = await dispute.SettleAsync();

        // Participant2 closed with deposit 100 and sent 30: participant1 (deposit 50, sent 10) has 70, minus the reward.
        Assert.Equal(new UInt256(63), outcome.Settled.Participant1Amount);
        Assert.Equal(new UInt256(80), outcome.Settled.Participant2Amount);
        outcome.AssertPaid(closer: 80, delegator: 63, monitors: [7]);
    }

    [Fact]
    public async Task A_share_equal_to_the_reward_all_goes_to_the_monitor()
    {
        // The delegator's share: 50 − 43 + 0 = 7.
        var dispute = await DisputeAsync(transferredByCloser: 0, transferredByDelegator: 43);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 7);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 143, delegator: 0, monitors: [7]);
        Assert.Equal(new UInt256(7), Assert.Single(outcome.Rewarded).Amount);
    }

    [Fact]
    public async Task The_reward_is_capped_by_a_smaller_share()
    {
        // The delegator's share: 50 − 45 + 0 = 5, less than the reward of 20.
        var dispute = await DisputeAsync(transferredByCloser: 0, transferredByDelegator: 45);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 20);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 145, delegator: 0, monitors: [5]);
        Assert.Equal(new UInt256(5), Assert.Single(outcome.Rewarded).Amount);
    }

    [Fact]
    public async Task The_largest_reward_is_capped_by_the_share()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: UInt256.Parse("0xffffffffffffffffffffffff"));

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 0, monitors: [70]);
    }

    [Fact]
    public async Task A_delegator_whose_share_is_zero_pays_its_monitor_nothing()
    {
        // The delegator sent 200 of its 50: its share clamps to 0.
        var dispute = await DisputeAsync(transferredByCloser: 0, transferredByDelegator: 200);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 20);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 150, delegator: 0, monitors: [0]);
        Assert.Empty(outcome.Rewarded);
    }

    [Fact]
    public async Task A_later_delegate_update_by_another_monitor_replaces_the_recipient()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10, monitors: 2);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 5);
        await dispute.DelegateAsync(dispute.Monitors[1], 7, reward: 9);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 61, monitors: [0, 9]);
        Assert.Equal(dispute.Monitors[1].Address, Assert.Single(outcome.Rewarded).Monitor);
    }

    [Fact]
    public async Task A_reward_of_zero_records_nothing()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 0);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 70, monitors: [0]);
        Assert.Empty(outcome.Rewarded);
    }

    [Fact]
    public async Task A_later_delegate_update_with_a_reward_of_zero_leaves_the_earlier_monitors_reward()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10, monitors: 2);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 5);
        await dispute.DelegateAsync(dispute.Monitors[1], 7, reward: 0);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 65, monitors: [5, 0]);
        Assert.Equal(dispute.Monitors[0].Address, Assert.Single(outcome.Rewarded).Monitor);
    }

    [Fact]
    public async Task A_later_update_by_the_delegator_itself_leaves_the_monitors_reward()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10);
        await dispute.DelegateAsync(dispute.Monitors[0], 6, reward: 5);
        await dispute.Channel.UpdateAsync(dispute.Delegator, dispute.Channel.Proof(dispute.Closer, 30, 8));

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 65, monitors: [5]);
    }

    [Fact]
    public async Task A_refused_delegate_update_records_no_reward()
    {
        var dispute = await DisputeAsync(transferredByCloser: 30, transferredByDelegator: 10, monitors: 2);
        var proof = dispute.Channel.Proof(dispute.Closer, 30, 6);
        var delegation = dispute.Channel.Delegate(dispute.Delegator, proof, dispute.Monitors[0].Address, 9);
        await ContractAssert.RevertsWith("WrongSigner", () => dispute.Channel.UpdateByDelegateAsync(dispute.Monitors[1], dispute.Delegator, proof, delegation, 9));
        await dispute.Channel.UpdateAsync(dispute.Delegator, proof);

        var outcome = await dispute.SettleAsync();

        outcome.AssertPaid(closer: 80, delegator: 70, monitors: [0, 0]);
        Assert.Empty(outcome.Rewarded);
    }

    /// <summary>
    /// The closer (deposit 100) closes with the delegator's proof (deposit 50); the closer's proofs
    /// transfer <paramref name="transferredByCloser"/>, which the delegator's monitors submit.
    /// </summary>
    private async Task<Dispute> DisputeAsync(ulong transferredByCloser, ulong transferredByDelegator, bool participant2Closes = false, int monitors = 1)
    {
        var channel = participant2Closes
            ? await DisputeChannel.OpenAsync(Main, 50, 100)
            : await DisputeChannel.OpenAsync(Main, 100, 50);
        var (closer, delegator) = participant2Closes
            ? (channel.Participant2, channel.Participant1)
            : (channel.Participant1, channel.Participant2);
        var delegatorProof = channel.Proof(delegator, transferredByDelegator, 3);
        await channel.CloseAsync(closer, delegatorProof);
        var monitorParties = new List<Party>();
        for (var i = 0; i < monitors; i++)
            monitorParties.Add(await channel.NewOutsiderAsync());
        return new Dispute(channel, closer, delegator, delegatorProof, transferredByCloser, monitorParties);
    }

    private sealed class Dispute(
        DisputeChannel channel, Party closer, Party delegator, DisputeProof delegatorProof, ulong transferredByCloser, IReadOnlyList<Party> monitors)
    {
        // The closer's latest proof submitted by a monitor; every proof of the closer transfers the same amount.
        private DisputeProof? _closerProof;

        public DisputeChannel Channel { get; } = channel;

        public Party Closer { get; } = closer;

        public Party Delegator { get; } = delegator;

        public DisputeProof DelegatorProof { get; } = delegatorProof;

        public ulong TransferredByCloser { get; } = transferredByCloser;

        public IReadOnlyList<Party> Monitors { get; } = monitors;

        /// <summary><paramref name="monitor"/> submits the closer's proof of nonce <paramref name="nonce"/> with the delegator's delegation.</summary>
        public async Task DelegateAsync(Party monitor, ulong nonce, UInt256 reward)
        {
            _closerProof = Channel.Proof(Closer, TransferredByCloser, nonce);
            var delegation = Channel.Delegate(Delegator, _closerProof, monitor.Address, reward);
            await Channel.UpdateByDelegateAsync(monitor, Delegator, _closerProof, delegation, reward);
        }

        public async Task<Outcome> SettleAsync()
        {
            // The closer's stored proof carries TransferredByCloser whichever update stored it last.
            var closerProof = _closerProof ?? Channel.Proof(Closer, TransferredByCloser, 1);
            await Channel.MineUntilSettleableAsync();
            Address[] monitors = [.. Monitors.Select(m => m.Address)];
            var before = await Channel.SnapshotAsync(monitors);
            var (proof1, proof2) = Closer == Channel.Participant1 ? (closerProof, DelegatorProof) : (DelegatorProof, closerProof);
            var receipt = await Channel.SettleAsync(Channel.Setup.AsThirdParty, proof1, proof2);
            var after = await Channel.SnapshotAsync(monitors);
            BigInteger[] received = [.. before.Balances.Zip(after.Balances, (b, a) => a.Balance.ToBigInteger() - b.Balance.ToBigInteger())];
            return new Outcome(this, receipt, Channel.SingleEvent<ChannelSettled>(receipt), Channel.Events<MonitorRewarded>(receipt), received);
        }
    }

    private sealed record Outcome(
        Dispute Dispute,
        TransactionReceipt Receipt,
        ChannelSettled Settled,
        IReadOnlyList<MonitorRewarded> Rewarded,
        IReadOnlyList<BigInteger> Received)
    {
        /// <summary>Exact token movements (balance changes in <see cref="DisputeSnapshot"/> order: participant1, participant2, network, monitors): the participants, the monitors in order, and the network paying out all of it.</summary>
        public void AssertPaid(ulong closer, ulong delegator, ulong[] monitors)
        {
            var channel = Dispute.Channel;
            var closerIs1 = Dispute.Closer == channel.Participant1;
            Assert.Equal(new UInt256(closerIs1 ? closer : delegator), Settled.Participant1Amount);
            Assert.Equal(new UInt256(closerIs1 ? delegator : closer), Settled.Participant2Amount);
            Assert.Equal(closerIs1 ? closer : delegator, Received[0]);
            Assert.Equal(closerIs1 ? delegator : closer, Received[1]);
            var total = closer + delegator + monitors.Aggregate(0UL, (sum, m) => sum + m);
            Assert.Equal(-(BigInteger)total, Received[2]);
            Assert.Equal(monitors.Select(m => (BigInteger)m), Received.Skip(3));
        }
    }
}
