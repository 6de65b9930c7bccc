using Photon.Protocol.Channels;
using Photon.Protocol.State;

namespace Photon.Protocol.OnChain;

/// <summary>The node's closed channels in a fixed order (token network, then channel id).</summary>
internal static class ClosedChannels
{
    public static IReadOnlyList<Channel> Of(NodeState state) =>
        [.. state.ChannelsInOrder().Where(channel => channel.Status == ChannelStatus.Closed)];
}
