using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>updateNonClosingBalanceProof: the non-closer replaces the closer's proof with a newer one until the settle block.</summary>
public sealed class UpdateTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task The_non_closer_stores_the_closers_proof()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var closerKept = channel.Proof(channel.Participant2, 10, 2);
        await channel.CloseAsync(channel.Participant1, closerKept);
        var closerProof = channel.Proof(channel.Participant1, 40, 6, Keccak256.Hash("locks"u8), Keccak256.Hash("message"u8));

        var receipt = await channel.UpdateAsync(channel.Participant2, closerProof);

        var updated = channel.SingleEvent<NonClosingBalanceProofUpdated>(receipt);
        Assert.Equal(channel.Id, updated.ChannelId);
        Assert.Equal(channel.Participant1.Address, updated.ClosingParticipant);
        Assert.Equal(new UInt256(6), updated.Nonce);
        Assert.Equal(closerProof.BalanceHash, updated.BalanceHash);
        Assert.Equal(
            new ParticipantInfo(new UInt256(100), UInt256.Zero, closerProof.BalanceHash, new UInt256(6), IsCloser: true),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address));
        // The proof the closer submitted for its partner is untouched.
        Assert.Equal(
            new ParticipantInfo(new UInt256(50), UInt256.Zero, closerKept.BalanceHash, new UInt256(2), IsCloser: false),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address));
        Assert.Equal(ChannelState.Closed, (await Main.Reader.GetChannelInfoAsync(channel.Id)).State);
    }

    [Fact]
    public async Task Participant1_updates_when_participant2_closed()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant2, null);
        var closerProof = channel.Proof(channel.Participant2, 9, 1);

        var receipt = await channel.UpdateAsync(channel.Participant1, closerProof);

        Assert.Equal(channel.Participant2.Address, channel.SingleEvent<NonClosingBalanceProofUpdated>(receipt).ClosingParticipant);
        var stored = await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address);
        Assert.Equal((closerProof.BalanceHash, new UInt256(1), true), (stored.BalanceHash, stored.Nonce, stored.IsCloser));
    }

    [Fact]
    public async Task Several_updates_in_a_row_each_with_a_higher_nonce_are_accepted()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);

        foreach (var nonce in new ulong[] { 1, 2, 5, 1000 })
        {
            var proof = channel.Proof(channel.Participant1, nonce * 3, nonce);
            await channel.UpdateAsync(channel.Participant2, proof);

            var stored = await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address);
            Assert.Equal((proof.BalanceHash, new UInt256(nonce)), (stored.BalanceHash, stored.Nonce));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(1)]
    public async Task A_nonce_not_above_the_stored_one_is_refused(ulong given)
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        await channel.UpdateAsync(channel.Participant2, channel.Proof(channel.Participant1, 20, 5));
        var stale = channel.Proof(channel.Participant1, 30, given);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("NonceNotIncreasing", () => channel.UpdateAsync(channel.Participant2, stale));

        Assert.Equal(new UInt256(5), error.Arguments.GetUInt256("stored"));
        Assert.Equal(new UInt256(given), error.Arguments.GetUInt256("given"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_zero_nonce_never_updates()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        var zero = channel.Proof(channel.Participant1, 0, 0);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("NonceNotIncreasing", () => channel.UpdateAsync(channel.Participant2, zero));

        Assert.Equal(UInt256.Zero, error.Arguments.GetUInt256("stored"));
        Assert.Equal(UInt256.Zero, error.Arguments.GetUInt256("given"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_nonce_of_2_pow_48_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        var proof = channel.Proof(channel.Participant1, 1, new UInt256(1UL << 48));
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("NonceTooLarge", () => channel.UpdateAsync(channel.Participant2, proof));

        Assert.Equal(new UInt256(1UL << 48), error.Arguments.GetUInt256("nonce"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task The_closer_cannot_update()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, channel.Proof(channel.Participant2, 10, 2));
        // The partner's newer proof would raise what the closer receives: the closer chose its proof at close.
        var newer = channel.Proof(channel.Participant2, 30, 3);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith(
            "CallerIsNotNonClosing",
            () => channel.Participant1.Network.UpdateNonClosingBalanceProofAsync(
                channel.Id, channel.Participant2.Address, newer.BalanceHash, newer.Nonce, newer.AdditionalHash, newer.Signature));

        Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(channel.Participant1.Address, error.Arguments.GetAddress("caller"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_third_party_cannot_update()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        var proof = channel.Proof(channel.Participant1, 30, 3);
        var before = await channel.SnapshotAsync(fixture.Deployer.Address);

        var error = await ContractAssert.RevertsWith(
            "NotParticipant",
            () => Main.AsThirdParty.UpdateNonClosingBalanceProofAsync(
                channel.Id, channel.Participant1.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, proof.Signature));

        Assert.Equal(fixture.Deployer.Address, error.Arguments.GetAddress("account"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task An_update_in_the_settle_block_is_accepted()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        var settleBlock = await channel.SettleBlockAsync();
        await fixture.MineToAsync(settleBlock - 1);

        var receipt = await channel.UpdateAsync(channel.Participant2, channel.Proof(channel.Participant1, 30, 3));

        Assert.Equal(settleBlock, receipt.BlockNumber);
        Assert.Equal(new UInt256(3), (await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address)).Nonce);
    }

    [Fact]
    public async Task An_update_after_the_settle_block_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        var settleBlock = await channel.SettleBlockAsync();
        await fixture.MineToAsync(settleBlock);
        var proof = channel.Proof(channel.Participant1, 30, 3);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("UpdateWindowOver", () => channel.UpdateAsync(channel.Participant2, proof));

        Assert.Equal(new UInt256(settleBlock), error.Arguments.GetUInt256("settleBlockNumber"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task An_open_channel_cannot_be_updated()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var proof = channel.Proof(channel.Participant1, 30, 3);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("ChannelNotClosed", () => channel.UpdateAsync(channel.Participant2, proof));

        Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_forged_closer_signature_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        using var forger = PrivateKey.Generate();
        var genuine = channel.Proof(channel.Participant1, 30, 3);
        var forged = genuine.Proof.Sign(forger, Main.Domain);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith(
            "WrongSigner",
            () => channel.Participant2.Network.UpdateNonClosingBalanceProofAsync(
                channel.Id, channel.Participant1.Address, genuine.BalanceHash, genuine.Nonce, genuine.AdditionalHash, forged));

        Assert.Equal(channel.Participant1.Address, error.Arguments.GetAddress("expected"));
        Assert.Equal(forger.Address, error.Arguments.GetAddress("recovered"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task The_non_closers_own_proof_is_refused_as_an_update()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        await channel.CloseAsync(channel.Participant1, null);
        var own = channel.Proof(channel.Participant2, 1, 3);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("WrongSigner", () => channel.UpdateAsync(channel.Participant2, own));

        Assert.Equal(channel.Participant1.Address, error.Arguments.GetAddress("expected"));
        Assert.Equal(channel.Participant2.Address, error.Arguments.GetAddress("recovered"));
        await before.AssertUnchangedAsync(channel);
    }
}
