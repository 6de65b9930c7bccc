using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Network.Dispute;

/// <summary>closeChannel: who may close, what is stored, and which proofs are refused.</summary>
public sealed class CloseTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task Participant1_closes_with_its_partners_proof_which_is_stored_for_the_partner()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var proof = channel.Proof(channel.Participant2, 30, 7, Keccak256.Hash("locks"u8), Keccak256.Hash("message"u8));

        var receipt = await channel.CloseAsync(channel.Participant1, proof);

        var closed = channel.SingleEvent<ChannelClosed>(receipt);
        Assert.Equal(channel.Id, closed.ChannelId);
        Assert.Equal(channel.Participant1.Address, closed.ClosingParticipant);
        Assert.Equal(new UInt256(7), closed.Nonce);
        Assert.Equal(proof.BalanceHash, closed.BalanceHash);
        var info = await Main.Reader.GetChannelInfoAsync(channel.Id);
        Assert.Equal(ChannelState.Closed, info.State);
        Assert.Equal(new UInt256(Main.SettleTimeout), info.SettleTimeout);
        Assert.Equal(new UInt256(receipt.BlockNumber + Main.SettleTimeout), info.SettleBlockNumber);
        Assert.Equal(channel.Participant1.Address, info.Participant1);
        Assert.Equal(channel.Participant2.Address, info.Participant2);
        Assert.Equal(
            new ParticipantInfo(new UInt256(100), UInt256.Zero, Hash256.Zero, UInt256.Zero, IsCloser: true),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address));
        Assert.Equal(
            new ParticipantInfo(new UInt256(50), UInt256.Zero, proof.BalanceHash, new UInt256(7), IsCloser: false),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address));
        Assert.Equal(channel.Id, await Main.Reader.GetChannelIdentifierAsync(channel.Participant1.Address, channel.Participant2.Address));
    }

    [Fact]
    public async Task Participant2_closes_with_its_partners_proof_which_is_stored_for_the_partner()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 100, 50);
        var proof = channel.Proof(channel.Participant1, 12, 3);
        var tokensBefore = await channel.SnapshotAsync();

        var receipt = await channel.CloseAsync(channel.Participant2, proof);

        var closed = channel.SingleEvent<ChannelClosed>(receipt);
        Assert.Equal(channel.Participant2.Address, closed.ClosingParticipant);
        Assert.Equal(new UInt256(3), closed.Nonce);
        Assert.Equal(proof.BalanceHash, closed.BalanceHash);
        Assert.Equal(new UInt256(receipt.BlockNumber + Main.SettleTimeout), new UInt256(await channel.SettleBlockAsync()));
        Assert.Equal(
            new ParticipantInfo(new UInt256(100), UInt256.Zero, proof.BalanceHash, new UInt256(3), IsCloser: false),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address));
        Assert.Equal(
            new ParticipantInfo(new UInt256(50), UInt256.Zero, Hash256.Zero, UInt256.Zero, IsCloser: true),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address));
        // Closing moves no tokens.
        Assert.Equal(tokensBefore.Balances, (await channel.SnapshotAsync()).Balances);
    }

    [Fact]
    public async Task The_settle_block_follows_the_channels_own_settle_timeout()
    {
        var participant1 = await Main.NewPartyAsync();
        var participant2 = await Main.NewPartyAsync();
        var id = await Main.OpenAsync(participant1, participant2, settleTimeout: 37);

        var receipt = await participant1.Network.CloseChannelAsync(id, participant2.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);

        var info = await Main.Reader.GetChannelInfoAsync(id);
        Assert.Equal(new UInt256(37), info.SettleTimeout);
        Assert.Equal(new UInt256(receipt.BlockNumber + 37), info.SettleBlockNumber);
    }

    [Fact]
    public async Task The_zero_proof_closes_and_stores_nothing_for_the_partner()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);

        var receipt = await channel.CloseAsync(channel.Participant1, null);

        var closed = channel.SingleEvent<ChannelClosed>(receipt);
        Assert.Equal(UInt256.Zero, closed.Nonce);
        Assert.Equal(Hash256.Zero, closed.BalanceHash);
        Assert.Equal(ChannelState.Closed, (await Main.Reader.GetChannelInfoAsync(channel.Id)).State);
        Assert.Equal(
            new ParticipantInfo(new UInt256(20), UInt256.Zero, Hash256.Zero, UInt256.Zero, IsCloser: false),
            await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address));
        Assert.True((await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant1.Address)).IsCloser);
    }

    [Fact]
    public async Task A_zero_nonce_with_a_balance_hash_is_refused()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var proof = channel.Proof(channel.Participant2, 5, 0);
        var before = await channel.SnapshotAsync();

        await ContractAssert.RevertsWith(
            "EmptyProofWithValues",
            () => channel.Participant1.Network.CloseChannelAsync(channel.Id, channel.Participant2.Address, proof.BalanceHash, UInt256.Zero, Hash256.Zero, proof.Signature));

        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_third_party_cannot_close()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var proof = channel.Proof(channel.Participant2, 5, 1);
        var before = await channel.SnapshotAsync(fixture.Deployer.Address);

        var error = await ContractAssert.RevertsWith(
            "NotParticipant",
            () => Main.AsThirdParty.CloseChannelAsync(channel.Id, channel.Participant2.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, proof.Signature));

        Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(fixture.Deployer.Address, error.Arguments.GetAddress("account"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_participant_cannot_close_naming_someone_else_as_its_partner()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var stranger = await channel.NewOutsiderAsync();
        var proof = DisputeProof.Sign(stranger, channel.Id, 5, 1);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith(
            "NotParticipant",
            () => channel.Participant1.Network.CloseChannelAsync(channel.Id, stranger.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, proof.Signature));

        Assert.Equal(stranger.Address, error.Arguments.GetAddress("account"));
        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_channel_closes_once()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        await channel.CloseAsync(channel.Participant1, channel.Proof(channel.Participant2, 5, 1));
        var before = await channel.SnapshotAsync();

        foreach (var (closer, proof) in new[]
        {
            (channel.Participant1, channel.Proof(channel.Participant2, 6, 2)),
            (channel.Participant2, channel.Proof(channel.Participant1, 6, 2)),
        })
        {
            var error = await ContractAssert.RevertsWith("ChannelNotOpened", () => channel.CloseAsync(closer, proof));
            Assert.Equal(channel.Id, error.Arguments.GetUInt256("channelId"));
        }

        await before.AssertUnchangedAsync(channel);
    }

    [Fact]
    public async Task A_channel_that_was_never_opened_cannot_be_closed()
    {
        var participant1 = await Main.NewPartyAsync();
        var participant2 = await Main.NewPartyAsync();
        var unused = await Main.Reader.ChannelCounterAsync() + new UInt256(1000);

        var error = await ContractAssert.RevertsWith(
            "ChannelNotOpened",
            () => participant1.Network.CloseChannelAsync(unused, participant2.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null));

        Assert.Equal(unused, error.Arguments.GetUInt256("channelId"));
    }

    [Fact]
    public async Task The_highest_nonce_below_2_pow_48_is_accepted()
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var nonce = new UInt256((1UL << 48) - 1);
        var proof = channel.Proof(channel.Participant2, 5, nonce);

        await channel.CloseAsync(channel.Participant1, proof);

        Assert.Equal(nonce, (await Main.Reader.GetParticipantInfoAsync(channel.Id, channel.Participant2.Address)).Nonce);
    }

    [Theory]
    [InlineData("0x1000000000000")]
    [InlineData("0x1000000000001")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public async Task A_nonce_of_2_pow_48_or_more_is_refused(string nonceText)
    {
        var channel = await DisputeChannel.OpenAsync(Main, 10, 20);
        var nonce = UInt256.Parse(nonceText);
        var proof = channel.Proof(channel.Participant2, 5, nonce);
        var before = await channel.SnapshotAsync();

        var error = await ContractAssert.RevertsWith("NonceTooLarge", () => channel.CloseAsync(channel.Participant1, proof));

        Assert.Equal(nonce, error.Arguments.GetUInt256("nonce"));
        await before.AssertUnchangedAsync(channel);
    }
}
