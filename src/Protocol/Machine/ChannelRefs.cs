using Photon.Protocol.Channels;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Machine;

/// <summary>The wire reference of a channel: chain id, TokenNetwork and channel id, the identity every proof is bound to.</summary>
internal static class ChannelRefs
{
    public static ChannelRef Of(Channel channel) => new()
    {
        ChainId = channel.ChainId,
        TokenNetwork = WireValues.Encode(channel.TokenNetwork),
        ChannelId = WireValues.Encode(channel.ChannelId),
    };
}
