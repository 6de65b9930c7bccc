using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Channels;

namespace Photon.Protocol.State;

/// <summary>
/// One token's network as this node knows it: its TokenNetwork contract and the channels this
/// node takes part in, by channel id. <see cref="ChannelByPartner"/> names the channel with each
/// partner that is not settled yet (the contract allows one open channel per pair).
/// </summary>
public sealed record TokenNetworkState(Address Address, Address Token)
{
    public ImmutableDictionary<UInt256, Channel> Channels { get; init; } = ImmutableDictionary<UInt256, Channel>.Empty;

    public ImmutableDictionary<Address, UInt256> ChannelByPartner { get; init; } = ImmutableDictionary<Address, UInt256>.Empty;

    /// <summary>The current (not settled) channel with <paramref name="partner"/>, or null.</summary>
    public Channel? ChannelWith(Address partner) =>
        ChannelByPartner.TryGetValue(partner, out var id) && Channels.TryGetValue(id, out var channel) ? channel : null;

    /// <summary>This network with <paramref name="channel"/> stored under its id (replacing the previous version).</summary>
    public TokenNetworkState WithChannel(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return this with { Channels = Channels.SetItem(channel.ChannelId, channel) };
    }

    public bool Equals(TokenNetworkState? other) =>
        other is not null && Address == other.Address && Token == other.Token
        && Collections.DictionaryEqual(Channels, other.Channels) && Collections.DictionaryEqual(ChannelByPartner, other.ChannelByPartner);

    public override int GetHashCode() => HashCode.Combine(Address, Channels.Count);
}
