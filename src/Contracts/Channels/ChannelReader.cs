using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Channels;

/// <summary>
/// Reads channels of one TokenNetwork. Every read pins a block number first, so the info and
/// the two participant records come from the same state even while blocks arrive.
/// </summary>
public sealed class ChannelReader(TokenNetworkContract network)
{
    private readonly TokenNetworkContract _network = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>The channel with <paramref name="channelId"/>; a never-used or settled id reads as state None or Settled with zeros.</summary>
    public async Task<OnChainChannel> ReadAsync(UInt256 channelId, BlockParameter block = default, CancellationToken ct = default)
    {
        var number = await PinAsync(block, ct).ConfigureAwait(false);
        var info = await _network.GetChannelInfoAsync(channelId, number, ct).ConfigureAwait(false);
        return await ReadParticipantsAsync(channelId, info, number, ct).ConfigureAwait(false);
    }

    /// <summary>The live (opened or closed) channel of a pair, or null when the pair has none.</summary>
    public async Task<OnChainChannel?> FindAsync(Address participant, Address partner, BlockParameter block = default, CancellationToken ct = default)
    {
        var number = await PinAsync(block, ct).ConfigureAwait(false);
        var channelId = await _network.GetChannelIdentifierAsync(participant, partner, number, ct).ConfigureAwait(false);
        if (channelId.IsZero)
            return null;
        var info = await _network.GetChannelInfoAsync(channelId, number, ct).ConfigureAwait(false);
        return await ReadParticipantsAsync(channelId, info, number, ct).ConfigureAwait(false);
    }

    private async Task<OnChainChannel> ReadParticipantsAsync(UInt256 channelId, ChannelInfo info, ulong number, CancellationToken ct)
    {
        var empty = new ParticipantInfo(UInt256.Zero, UInt256.Zero, Hash256.Zero, UInt256.Zero, false);
        if (info.State is not (ChannelState.Opened or ChannelState.Closed))
            return new OnChainChannel(_network.Address, channelId, number, info, empty, empty);
        var participants = await Task.WhenAll(
            _network.GetParticipantInfoAsync(channelId, info.Participant1, number, ct),
            _network.GetParticipantInfoAsync(channelId, info.Participant2, number, ct)).ConfigureAwait(false);
        return new OnChainChannel(_network.Address, channelId, number, info, participants[0], participants[1]);
    }

    /// <remarks>
    /// Pins by number: a reorg between the reads could still mix two forks, so callers read at
    /// a confirmed depth (chain sync does). The pending block has no number to pin and is refused.
    /// </remarks>
    private async Task<ulong> PinAsync(BlockParameter block, CancellationToken ct)
    {
        if (block.Number is { } number)
            return number;
        if (block.Tag == "pending")
            throw new ArgumentException("a channel is read at a mined block: the pending block has no number to pin", nameof(block));
        var read = await _network.Eth.GetBlockByNumberAsync(block, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the node has no block {block.Tag}");
        return read.Number;
    }
}
