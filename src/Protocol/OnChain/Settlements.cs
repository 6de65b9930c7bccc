using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;

namespace Photon.Protocol.OnChain;

/// <summary>
/// Settling a closed channel after the punish window, and leaving the settled ones. settleChannel takes
/// both participants' transferred amounts and locksroots, which must hash to the balance hashes stored
/// for them (after unlocks: the same locksroot, the raised transferred amount). The contract matches the
/// two addresses to its participant1/participant2 and swaps the values itself, so we name ourselves first.
/// </summary>
internal static class Settlements
{
    /// <summary>Once the block is past the punish window, asks once to settle, or says why it leaves it to the partner.</summary>
    public static void OnBlock(TransitionContext context, Channel channel)
    {
        if (channel.Status != ChannelStatus.Closed || channel.Closing is not { Settle: SettleProgress.Waiting } closing)
            return;
        if (context.BlockNumber <= closing.PunishDeadline(context.State.Settings.PunishWindow))
            return;
        if (closing.Our.Values is { } our && closing.Partner.Values is { } partner)
        {
            context.Emit(new ContractSendChannelSettle(channel.TokenNetwork, channel.ChannelId,
                context.Our, our.TransferredAmount, our.Locksroot, channel.Partner.Address, partner.TransferredAmount, partner.Locksroot));
            context.SetChannel(channel with { Closing = closing with { Settle = SettleProgress.Requested } });
            return;
        }
        var unknown = closing.Our.Values is null ? $"our proof of nonce {closing.Our.Nonce}" : $"the partner's proof of nonce {closing.Partner.Nonce}";
        context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, channel.Status,
            $"cannot settle: the values behind the stored balance hash of {unknown} are not known to this node; settling is left to the partner"));
        context.SetChannel(channel with { Closing = closing with { Settle = SettleProgress.LeftToPartner } });
    }

    /// <summary>The channel is gone from the contract (settled, or settled cooperatively): it is kept as history, no longer as the channel with its partner.</summary>
    public static void OnSettled(TransitionContext context, Address tokenNetwork, UInt256 channelId, string what)
    {
        if (context.Channel(tokenNetwork, channelId) is not { } channel || channel.Status == ChannelStatus.Settled)
            return;
        channel = channel with { Status = ChannelStatus.Settled };
        context.SetChannel(channel);
        var network = context.TokenNetwork(tokenNetwork)!;
        if (network.ChannelByPartner.TryGetValue(channel.Partner.Address, out var current) && current == channelId)
        {
            network = network with { ChannelByPartner = network.ChannelByPartner.Remove(channel.Partner.Address) };
            context.State = context.State with { TokenNetworks = context.State.TokenNetworks.SetItem(tokenNetwork, network) };
        }
        context.Emit(new EventChannelChanged(tokenNetwork, channelId, channel.Partner.Address, ChannelStatus.Settled, what));
    }
}
