using Photon.Protocol.Channels;
using Photon.Protocol.State;

namespace Photon.Protocol.OnChain;

/// <summary>The node's closed channels in a fixed order (token network, then channel id).</summary>
internal static class ClosedChannels
{
    // Hash-based dictionaries enumerate in an order that depends on per-process hash seeds; sorting keeps
    // the events of a transition in the same order on every run and every replay.
    public static IReadOnlyList<Channel> Of(NodeState state) =>
        [.. state.TokenNetworks.Values
            .SelectMany(network => network.Channels.Values)
            .Where(channel => channel.Status == ChannelStatus.Closed)
            .OrderBy(channel => channel.TokenNetwork)
            .ThenBy(channel => channel.ChannelId)];
}
