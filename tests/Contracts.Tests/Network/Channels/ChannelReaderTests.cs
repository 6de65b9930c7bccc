using Photon.Contracts.Bindings;
using Photon.Contracts.Channels;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Channels;

public sealed class ChannelReaderTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private ChannelReader Reader => new(fixture.Main.Reader);

    [Fact]
    public async Task Reads_an_open_channel_with_both_participants_at_one_block()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var channelId = await fixture.Main.OpenWithDepositsAsync(a, b, 100, 40);

        var channel = await Reader.ReadAsync(channelId);

        Assert.Equal(ChannelState.Opened, channel.State);
        Assert.Equal(await fixture.BlockNumberAsync(), channel.Block);
        Assert.Equal((a.Address, b.Address), (channel.Info.Participant1, channel.Info.Participant2));
        Assert.Equal(new UInt256(100), channel.Of(a.Address).Deposit);
        Assert.Equal(new UInt256(40), channel.Of(b.Address).Deposit);
        Assert.Equal(new UInt256(140), channel.Holdings);
        Assert.Equal(b.Address, channel.PartnerOf(a.Address));
        Assert.Null(channel.Closer);
    }

    [Fact]
    public async Task Reads_the_stored_proof_and_the_closer_of_a_closed_channel_and_older_blocks_as_they_were()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var channelId = await fixture.Main.OpenWithDepositsAsync(a, b, 100, 40);
        var beforeClose = await fixture.BlockNumberAsync();
        var (proof, signature) = b.SignBalanceProof(channelId, new UInt256(25), Hash256.Zero, 3);
        await a.Network.CloseChannelAsync(channelId, b.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, signature);

        var closed = await Reader.FindAsync(b.Address, a.Address);
        var earlier = await Reader.ReadAsync(channelId, beforeClose);

        Assert.NotNull(closed);
        Assert.Equal(ChannelState.Closed, closed.State);
        Assert.Equal(a.Address, closed.Closer);
        Assert.Equal(proof.BalanceHash, closed.Of(b.Address).BalanceHash);
        Assert.Equal(new UInt256(3), closed.Of(b.Address).Nonce);
        Assert.Equal(ChannelState.Opened, earlier.State);
        Assert.Equal(beforeClose, earlier.Block);
        Assert.Equal(Hash256.Zero, earlier.Of(b.Address).BalanceHash);
    }

    [Fact]
    public async Task Names_participant2_as_closer_when_it_closed_and_reads_the_pinned_block_not_the_newest()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var channelId = await fixture.Main.OpenWithDepositsAsync(a, b, 100, 40);
        await b.Network.CloseChannelAsync(channelId, a.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        var closedAt = await fixture.BlockNumberAsync();
        var (proof, signature) = b.SignBalanceProof(channelId, new UInt256(5), Hash256.Zero, 1);
        await a.Network.UpdateNonClosingBalanceProofAsync(channelId, b.Address, proof.BalanceHash, proof.Nonce, proof.AdditionalHash, signature);

        var atClose = await Reader.ReadAsync(channelId, closedAt);
        var now = await Reader.ReadAsync(channelId);

        Assert.Equal(b.Address, atClose.Closer);
        Assert.Equal(UInt256.Zero, atClose.Of(b.Address).Nonce);
        Assert.Equal(UInt256.One, now.Of(b.Address).Nonce);
        await Assert.ThrowsAsync<ArgumentException>(() => Reader.ReadAsync(channelId, BlockParameter.Pending));
    }

    [Fact]
    public async Task A_pair_without_a_channel_is_not_found_and_a_stranger_is_not_in_the_channel()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var stranger = await fixture.NewPartyAsync();
        var channelId = await fixture.Main.OpenAsync(a, b);

        var channel = await Reader.ReadAsync(channelId);

        Assert.Null(await Reader.FindAsync(a.Address, stranger.Address));
        Assert.False(channel.IsParticipant(stranger.Address));
        var error = Assert.Throws<ArgumentException>(() => channel.Of(stranger.Address));
        Assert.Contains(stranger.Address.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => channel.PartnerOf(stranger.Address));
    }

    [Fact]
    public async Task A_settled_channel_reads_as_settled_with_nobody_in_it()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var channelId = await fixture.Main.OpenWithDepositsAsync(a, b, 10, 0);
        await a.Network.CloseChannelAsync(channelId, b.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        var settleBlock = (ulong)(await fixture.Main.Reader.GetChannelInfoAsync(channelId)).SettleBlockNumber;
        await fixture.MineToAsync(settleBlock + fixture.Parameters.PunishWindow);
        await a.Network.SettleChannelAsync(channelId, a.Address, UInt256.Zero, Hash256.Zero, b.Address, UInt256.Zero, Hash256.Zero);

        var channel = await Reader.ReadAsync(channelId);

        Assert.Equal(ChannelState.Settled, channel.State);
        Assert.Equal(UInt256.Zero, channel.Holdings);
        Assert.False(channel.IsParticipant(a.Address));
        Assert.Null(await Reader.FindAsync(a.Address, b.Address));
    }
}
