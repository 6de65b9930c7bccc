using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>settleChannel: when it is allowed, which values it takes, who may call it, and what it leaves behind.</summary>
public sealed class SettleTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task Settling_before_the_end_of_the_punish_window_is_refused_naming_the_first_block()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        var firstBlock = await channel.FirstSettleBlockAsync();
        Assert.Equal(await channel.SettleBlockAsync() + fixture.Parameters.PunishWindow + 1, firstBlock);

        // Right after the update, in the settle block, and in the last block of the punish window.
        foreach (var head in new[] { await fixture.BlockNumberAsync(), await channel.SettleBlockAsync() - 1, firstBlock - 2 })
        {
            await fixture.MineToAsync(head);
            var before = await channel.SnapshotAsync(fixture.Deployer.Address);

            var error = await ContractAssert.RevertsWith("SettleTooEarly", () => channel.SettleAsync(Main.AsThirdParty, proof1, proof2));

            Assert.Equal(new UInt256(firstBlock), error.Arguments.GetUInt256("firstBlock"));
            await before.AssertUnchangedAsync(channel);
        }
    }

    [Fact]
    public async Task Settling_in_the_first_block_after_the_punish_window_is_accepted()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        var firstBlock = await channel.FirstSettleBlockAsync();
        await fixture.MineToAsync(firstBlock - 1);

        var receipt = await channel.SettleAsync(Main.AsThirdParty, proof1, proof2);

        Assert.Equal(firstBlock, receipt.BlockNumber);
        Assert.Equal(ChannelState.Settled, (await Main.Reader.GetChannelInfoAsync(channel.Id)).State);
    }

    [Fact]
    public async Task Values_that_do_not_match_participant1s_stored_hash_are_refused()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();

        foreach (var (transferred, locksroot) in new[]
        {
            (proof1.TransferredAmount + UInt256.One, proof1.Locksroot),
            (proof1.TransferredAmount, Keccak256.Hash("other locks"u8)),
            (UInt256.Zero, Hash256.Zero),
        })
        {
            await AssertMismatchAsync(
                channel,
                channel.Participant1.Address,
                () => Main.AsThirdParty.SettleChannelAsync(
                    channel.Id, channel.Participant1.Address, transferred, locksroot, channel.Participant2.Address, proof2.TransferredAmount, proof2.Locksroot));
        }
    }

    [Fact]
    public async Task Values_that_do_not_match_participant2s_stored_hash_are_refused()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();

        foreach (var (transferred, locksroot) in new[]
        {
            (proof2.TransferredAmount - UInt256.One, proof2.Locksroot),
            (proof2.TransferredAmount, Hash256.Zero),
            (proof1.TransferredAmount, proof1.Locksroot),
        })
        {
            await AssertMismatchAsync(
                channel,
                channel.Participant2.Address,
                () => Main.AsThirdParty.SettleChannelAsync(
                    channel.Id, channel.Participant1.Address, proof1.TransferredAmount, proof1.Locksroot, channel.Participant2.Address, transferred, locksroot));
        }
    }

    [Fact]
    public async Task Swapped_values_are_refused_in_either_order_of_participants()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();

        await AssertMismatchAsync(
            channel,
            channel.Participant1.Address,
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant1.Address, proof2.TransferredAmount, proof2.Locksroot, channel.Participant2.Address, proof1.TransferredAmount, proof1.Locksroot));
        // Participant2 named first with participant1's values: the network still checks participant1 first.
        await AssertMismatchAsync(
            channel,
            channel.Participant1.Address,
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant2.Address, proof1.TransferredAmount, proof1.Locksroot, channel.Participant1.Address, proof2.TransferredAmount, proof2.Locksroot));
        // Participant2 named first with wrong values of its own only.
        await AssertMismatchAsync(
            channel,
            channel.Participant2.Address,
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant2.Address, proof2.TransferredAmount + UInt256.One, proof2.Locksroot, channel.Participant1.Address, proof1.TransferredAmount, proof1.Locksroot));
    }

    [Fact]
    public async Task Non_zero_values_for_a_participant_without_a_stored_proof_are_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        await channel.MineUntilSettleableAsync();

        await AssertMismatchAsync(
            channel,
            channel.Participant2.Address,
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant1.Address, UInt256.Zero, Hash256.Zero, channel.Participant2.Address, UInt256.One, Hash256.Zero));
        await AssertMismatchAsync(
            channel,
            channel.Participant1.Address,
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant1.Address, UInt256.Zero, Keccak256.Hash("locks"u8), channel.Participant2.Address, UInt256.Zero, Hash256.Zero));
    }

    [Fact]
    public async Task Settlement_accepts_the_participants_in_either_order_and_reports_them_in_channel_order()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();
        var before = await channel.SnapshotAsync();

        var receipt = await Main.AsThirdParty.SettleChannelAsync(
            channel.Id, channel.Participant2.Address, proof2.TransferredAmount, proof2.Locksroot, channel.Participant1.Address, proof1.TransferredAmount, proof1.Locksroot);

        // deposits 100 and 50, transferred 30 by participant1 and 10 by participant2: 100 − 30 + 10 = 80.
        var settled = channel.SingleEvent<ChannelSettled>(receipt);
        Assert.Equal(channel.Id, settled.ChannelId);
        Assert.Equal(new UInt256(80), settled.Participant1Amount);
        Assert.Equal(new UInt256(70), settled.Participant2Amount);
        var after = await channel.SnapshotAsync();
        Assert.Equal(before.Balances[0].Balance + new UInt256(80), after.Balances[0].Balance);
        Assert.Equal(before.Balances[1].Balance + new UInt256(70), after.Balances[1].Balance);
        Assert.Equal(before.Balances[2].Balance - new UInt256(150), after.Balances[2].Balance);
    }

    [Fact]
    public async Task Settlement_clears_the_channel()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();

        await channel.SettleAsync(Main.AsThirdParty, proof1, proof2);

        Assert.Equal(
            new ChannelInfo(ChannelState.Settled, UInt256.Zero, UInt256.Zero, Address.Zero, Address.Zero),
            await Main.Reader.GetChannelInfoAsync(channel.Id));
        var none = new ParticipantInfo(UInt256.Zero, UInt256.Zero, Hash256.Zero, UInt256.Zero, false);
        Assert.Equal(none, await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address));
        Assert.Equal(none, await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(channel.Participant1.Address, channel.Participant2.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(channel.Participant2.Address, channel.Participant1.Address));
    }

    [Fact]
    public async Task After_settlement_the_pair_can_open_a_new_channel_with_a_new_id()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();
        await channel.SettleAsync(Main.AsThirdParty, proof1, proof2);

        var reopened = await Main.OpenAsync(channel.Participant2, channel.Participant1);

        Assert.True(reopened > channel.Id);
        Assert.Equal(reopened, await Main.Reader.GetChannelIdentifierAsync(channel.Participant1.Address, channel.Participant2.Address));
        Assert.Equal(ChannelState.Settled, (await Main.Reader.GetChannelInfoAsync(channel.Id)).State);
    }

    [Fact]
    public async Task A_channel_settles_once()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();
        await channel.SettleAsync(Main.AsThirdParty, proof1, proof2);
        var before = await channel.SnapshotAsync(fixture.Deployer.Address);

        foreach (var settler in new[] { Main.AsThirdParty, channel.Participant1.Network, channel.Participant2.Network })
        {
            var error = await ContractAssert.RevertsWith("ChannelNotClosed", () => channel.SettleAsync(settler, proof1, proof2));
            Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        }

        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task An_open_channel_cannot_be_settled()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("ChannelNotClosed", () => channel.SettleAsync(channel.Participant1.Network, null, null));

        Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task Settlement_must_name_both_participants()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();
        var stranger = await channel.NewOutsiderAsync();
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith(
            "NotParticipant",
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant1.Address, proof1.TransferredAmount, proof1.Locksroot, stranger.Address, proof2.TransferredAmount, proof2.Locksroot));
        Assert.Equal(stranger.Address, error.Arguments.GetAddress("account"));

        error = await ContractAssert.RevertsWith(
            "NotParticipant",
            () => Main.AsThirdParty.SettleChannelAsync(
                channel.Id, channel.Participant1.Address, proof1.TransferredAmount, proof1.Locksroot, channel.Participant1.Address, proof1.TransferredAmount, proof1.Locksroot));
        Assert.Equal(channel.Participant1.Address, error.Arguments.GetAddress("account"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task Anyone_may_settle_and_the_settler_receives_nothing()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();
        var settler = await channel.NewOutsiderAsync();
        var before = await channel.SnapshotAsync(settler.Address);

        var receipt = await channel.SettleAsync(settler.Network, proof1, proof2);

        Assert.Equal(settler.Address, receipt.From);
        var after = await channel.SnapshotAsync(settler.Address);
        Assert.Equal(before.Balances[0].Balance + new UInt256(80), after.Balances[0].Balance);
        Assert.Equal(before.Balances[1].Balance + new UInt256(70), after.Balances[1].Balance);
        Assert.Equal(UInt256.Zero, after.Balances[3].Balance);
    }

    [Fact]
    public async Task A_participant_may_settle()
    {
        var (channel, proof1, proof2) = await ClosedAndUpdatedAsync();
        await channel.MineUntilSettleableAsync();

        var receipt = await channel.SettleAsync(channel.Participant2.Network, proof1, proof2);

        var settled = channel.SingleEvent<ChannelSettled>(receipt);
        Assert.Equal((new UInt256(80), new UInt256(70)), (settled.Participant1Amount, settled.Participant2Amount));
    }

    /// <summary>Deposits 100 and 50; participant1 closes with participant2's proof (10), participant2 updates with participant1's (30).</summary>
    private async Task<(DisputeChannel Channel, DisputeProof Proof1, DisputeProof Proof2)> ClosedAndUpdatedAsync()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var proof1 = channel.Proof(channel.Participant1, 30, 4, Keccak256.Hash("locks of 1"u8));
        var proof2 = channel.Proof(channel.Participant2, 10, 3, Keccak256.Hash("locks of 2"u8));
        await channel.CloseAsync(channel.Participant1, proof2);
        await channel.UpdateAsync(channel.Participant2, proof1);
        return (channel, proof1, proof2);
    }

    private async Task AssertMismatchAsync(DisputeChannel channel, Address participant, Func<Task> settle)
    {
        var before = await channel.SnapshotAsync(fixture.Deployer.Address);

        var error = await ContractAssert.RevertsWith("BalanceHashMismatch", settle);

        Assert.Equal(participant, error.Arguments.GetAddress("participant"));
        await before.AssertUnchangedAsync(channel);
    }
}
