using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>
/// updateBalanceProofDelegate: a monitor submits the closer's proof with the non-closer's
/// MonitorDelegation, which names the monitor and its reward.
/// </summary>
public sealed class DelegateUpdateTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private static readonly UInt256 TwoPow96 = UInt256.Parse("0x1000000000000000000000000");

    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task The_named_monitor_stores_the_closers_proof()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        var tokensBefore = (await channel.SnapshotAsync(monitor.Address)).Balances;

        var receipt = await channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, 7);

        var updated = channel.SingleEvent<NonClosingBalanceProofUpdated>(receipt);
        Assert.Equal(channel.Id, updated.ChannelId);
        Assert.Equal(channel.Participant1.Address, updated.ClosingParticipant);
        Assert.Equal(closerProof.Nonce, updated.Nonce);
        Assert.Equal(closerProof.BalanceHash, updated.BalanceHash);
        var stored = await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address);
        Assert.Equal((closerProof.BalanceHash, closerProof.Nonce, true), (stored.BalanceHash, stored.Nonce, stored.IsCloser));
        // The reward is paid at settlement, not now.
        Assert.Equal(tokensBefore, (await channel.SnapshotAsync(monitor.Address)).Balances);
    }

    [Fact]
    public async Task A_monitor_updates_for_participant1_when_participant2_closed()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var monitor = await channel.NewOutsiderAsync();
        await channel.CloseAsync(channel.Participant2, null);
        var closerProof = channel.Proof(channel.Participant2, 12, 4);
        var delegation = channel.Delegate(channel.Participant1, closerProof, monitor.Address, 3);

        var receipt = await channel.UpdateByDelegateAsync(monitor, channel.Participant1, closerProof, delegation, 3);

        Assert.Equal(channel.Participant2.Address, channel.SingleEvent<NonClosingBalanceProofUpdated>(receipt).ClosingParticipant);
        Assert.Equal(new UInt256(4), (await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address)).Nonce);
    }

    [Fact]
    public async Task Another_caller_with_the_same_signatures_is_refused()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        var frontRunner = await channel.NewOutsiderAsync();
        // What the network recovers: the delegation as if it had named the front-runner.
        var recovered = new MonitorDelegation(channel.Id, closerProof.BalanceHash, closerProof.Nonce, closerProof.AdditionalHash, frontRunner.Address, 7)
            .RecoverSigner(Main.Domain, delegation);

        await AssertDelegateWrongSignerAsync(
            channel, () => channel.UpdateByDelegateAsync(frontRunner, channel.Participant2, closerProof, delegation, 7), channel.Participant2.Address, recovered, monitor, frontRunner);
    }

    [Fact]
    public async Task The_delegator_itself_cannot_use_a_delegation_naming_a_monitor()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        var recovered = new MonitorDelegation(channel.Id, closerProof.BalanceHash, closerProof.Nonce, closerProof.AdditionalHash, channel.Participant2.Address, 7)
            .RecoverSigner(Main.Domain, delegation);

        await AssertDelegateWrongSignerAsync(
            channel, () => channel.UpdateByDelegateAsync(channel.Participant2, channel.Participant2, closerProof, delegation, 7), channel.Participant2.Address, recovered, monitor);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(0)]
    public async Task Another_reward_than_the_delegated_one_is_refused(ulong claimed)
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        var recovered = new MonitorDelegation(channel.Id, closerProof.BalanceHash, closerProof.Nonce, closerProof.AdditionalHash, monitor.Address, claimed)
            .RecoverSigner(Main.Domain, delegation);

        await AssertDelegateWrongSignerAsync(
            channel, () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, claimed), channel.Participant2.Address, recovered, monitor);
    }

    [Fact]
    public async Task A_delegation_for_another_proof_of_the_closer_is_refused()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        // The closer's signature is genuine, but the delegator signed for nonce 6, not this proof.
        var otherProof = channel.Proof(channel.Participant1, 45, 8);
        var recovered = new MonitorDelegation(channel.Id, otherProof.BalanceHash, otherProof.Nonce, otherProof.AdditionalHash, monitor.Address, 7)
            .RecoverSigner(Main.Domain, delegation);

        await AssertDelegateWrongSignerAsync(
            channel, () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, otherProof, delegation, 7), channel.Participant2.Address, recovered, monitor);
    }

    [Fact]
    public async Task An_altered_closer_proof_is_refused_naming_the_closer()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        // Both the altered proof's delegation and the closer's signature over the original.
        var altered = closerProof with { Proof = closerProof.Proof with { Nonce = 9 } };
        var delegation = channel.Delegate(channel.Participant2, altered, monitor.Address, 7);
        var recovered = altered.Proof.RecoverSigner(Main.Domain, closerProof.Signature);

        await AssertDelegateWrongSignerAsync(
            channel, () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, altered, delegation, 7), channel.Participant1.Address, recovered, monitor);
    }

    [Fact]
    public async Task A_delegation_signed_by_the_closer_is_refused()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var delegation = channel.Delegate(channel.Participant1, closerProof, monitor.Address, 7);

        await AssertDelegateWrongSignerAsync(
            channel, () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, 7), channel.Participant2.Address, channel.Participant1.Address, monitor);
    }

    [Fact]
    public async Task A_delegation_naming_the_closer_as_delegator_is_refused()
    {
        var (channel, monitor, _) = await ClosedByParticipant1Async();
        // Participant1 closed; presenting it as the non-closer (and participant2 as the closer) is refused.
        var partnerProof = channel.Proof(channel.Participant2, 30, 9);
        var delegation = channel.Delegate(channel.Participant1, partnerProof, monitor.Address, 7);
        var before = await channel.SnapshotAsync(monitor.Address);

        var error = await ContractAssert.RevertsWith(
            "CallerIsNotNonClosing",
            () => channel.UpdateByDelegateAsync(monitor, channel.Participant1, partnerProof, delegation, 7));

        Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(channel.Participant1.Address, error.Arguments.GetAddress("caller"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task The_largest_reward_below_2_pow_96_is_accepted()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var reward = TwoPow96 - UInt256.One;
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, reward);

        await channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, reward);

        Assert.Equal(closerProof.Nonce, (await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address)).Nonce);
    }

    [Theory]
    [InlineData("0x1000000000000000000000000")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public async Task A_reward_of_2_pow_96_or_more_is_refused(string rewardText)
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var reward = UInt256.Parse(rewardText);
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, reward);
        var before = await channel.SnapshotAsync(monitor.Address);

        var error = await ContractAssert.RevertsWith(
            "RewardTooLarge", () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, reward));

        Assert.Equal(reward, error.Arguments.GetUInt256("reward"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_delegate_update_needs_a_higher_nonce()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        await channel.UpdateAsync(channel.Participant2, closerProof);
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        var before = await channel.SnapshotAsync(monitor.Address);

        var error = await ContractAssert.RevertsWith(
            "NonceNotIncreasing", () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, 7));

        Assert.Equal(closerProof.Nonce, error.Arguments.GetUInt256("stored"));
        Assert.Equal(closerProof.Nonce, error.Arguments.GetUInt256("given"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_delegate_update_in_the_settle_block_is_accepted_and_after_it_refused()
    {
        var (channel, monitor, closerProof) = await ClosedByParticipant1Async();
        var settleBlock = await channel.SettleBlockAsync();
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        await fixture.MineToAsync(settleBlock - 1);

        var receipt = await channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, 7);
        Assert.Equal(settleBlock, receipt.BlockNumber);

        var later = channel.Proof(channel.Participant1, 50, closerProof.Nonce + UInt256.One);
        var laterDelegation = channel.Delegate(channel.Participant2, later, monitor.Address, 7);
        var before = await channel.SnapshotAsync(monitor.Address);
        var error = await ContractAssert.RevertsWith(
            "UpdateWindowOver", () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, later, laterDelegation, 7));
        Assert.Equal(new UInt256(settleBlock), error.Arguments.GetUInt256("settleBlockNumber"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task An_open_channel_cannot_be_updated_by_a_delegate()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var monitor = await channel.NewOutsiderAsync();
        var closerProof = channel.Proof(channel.Participant1, 30, 6);
        var delegation = channel.Delegate(channel.Participant2, closerProof, monitor.Address, 7);
        var before = await channel.SnapshotAsync(monitor.Address);

        var error = await ContractAssert.RevertsWith(
            "ChannelNotClosed", () => channel.UpdateByDelegateAsync(monitor, channel.Participant2, closerProof, delegation, 7));

        Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        await before.AssertUnchangedAsync(channel);
    }

    /// <summary>Deposits 100 and 50; participant1 closes with participant2's proof (10, nonce 2); returns a monitor and participant1's newer proof (30, nonce 6).</summary>
    private async Task<(DisputeChannel Channel, Party Monitor, DisputeProof CloserProof)> ClosedByParticipant1Async()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var monitor = await channel.NewOutsiderAsync();
        await channel.CloseAsync(channel.Participant1, channel.Proof(channel.Participant2, 10, 2));
        return (channel, monitor, channel.Proof(channel.Participant1, 30, 6));
    }

    private static async Task AssertDelegateWrongSignerAsync(
        DisputeChannel channel, Func<Task> update, Address expected, Address recovered, params Party[] outsiders)
    {
        var before = await channel.SnapshotAsync([.. outsiders.Select(o => o.Address)]);

        var error = await ContractAssert.RevertsWith("WrongSigner", update);

        Assert.Equal(expected, error.Arguments.GetAddress("expected"));
        Assert.Equal(recovered, error.Arguments.GetAddress("recovered"));
        await before.AssertUnchangedAsync(channel);
    }
}
