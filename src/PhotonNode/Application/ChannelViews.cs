using Photon.Protocol.Channels;
using Photon.Protocol.State;

namespace Photon.Node.Application;

/// <summary>Channel state → <see cref="ChannelView"/>.</summary>
public static class ChannelViews
{
    public static string StateName(ChannelStatus status) => status switch
    {
        ChannelStatus.Opened => "opened",
        ChannelStatus.Closed => "closed",
        _ => "settled",
    };

    public static ChannelView From(TokenNetworkState network, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(channel);
        return new ChannelView(
            network.Token,
            network.Address,
            channel.ChannelId,
            channel.Partner.Address,
            StateName(channel.Status),
            channel.SettleTimeout,
            channel.RevealTimeout,
            channel.Our.TotalDeposit,
            channel.Our.TotalWithdraw,
            channel.Partner.TotalDeposit,
            channel.Partner.TotalWithdraw,
            Balances.Distributable(channel.Our, channel.Partner),
            Balances.Distributable(channel.Partner, channel.Our),
            channel.Our.LockedAmount,
            channel.Partner.LockedAmount,
            channel.Closing?.SettleBlock);
    }
}
