using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

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
            $"cannot settle yet: the values behind the stored balance hash of {unknown} are not in the state; asking the node's history, else settling is left to the partner"));
        if (closing.Our.Values is null)
            context.Emit(new EventProofValuesUnknown(channel.TokenNetwork, channel.ChannelId, context.Our, closing.Our.Nonce, closing.Our.BalanceHash));
        if (closing.Partner.Values is null)
            context.Emit(new EventProofValuesUnknown(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, closing.Partner.Nonce, closing.Partner.BalanceHash));
        context.SetChannel(channel with { Closing = closing with { Settle = SettleProgress.LeftToPartner } });
    }

    /// <summary>
    /// Values of a stored proof recalled from the node's history: taken when they hash to the stored balance
    /// hash (and no unlock moved that proof's transferred amount since); settling is then tried again at the
    /// next block. Anything else is refused and changes nothing.
    /// </summary>
    public static void Recall(TransitionContext context, ActionRecallProofValues recall)
    {
        if (context.Channel(recall.TokenNetwork, recall.ChannelId) is not { Status: ChannelStatus.Closed, Closing: { } closing } channel)
        {
            context.Emit(new EventActionRefused(recall, new Refusal(RefusalReason.UnknownChannel, "no closed channel with that id")));
            return;
        }
        var ours = recall.Participant == context.Our;
        if (!ours && recall.Participant != channel.Partner.Address)
        {
            context.Emit(new EventActionRefused(recall, new Refusal(RefusalReason.InvalidAction, $"{recall.Participant} is not in this channel")));
            return;
        }
        var stored = ours ? closing.Our : closing.Partner;
        var values = new BalanceValues(recall.TransferredAmount, recall.Locksroot);
        if (stored.Values is not null || stored.Nonce != recall.Nonce || stored.BalanceHash.IsZero || values.BalanceHash != stored.BalanceHash
            || (ours ? closing.UnlockedForPartner : closing.UnlockedForUs).Count > 0)
        {
            context.Emit(new EventActionRefused(recall, new Refusal(RefusalReason.BalanceMismatch,
                $"the values do not hash to the stored balance hash of nonce {stored.Nonce}, or they are known already, or unlocks moved that proof since")));
            return;
        }
        closing = ours ? closing with { Our = stored with { Values = values } } : closing with { Partner = stored with { Values = values } };
        if (closing.Settle == SettleProgress.LeftToPartner)
            closing = closing with { Settle = SettleProgress.Waiting };
        context.SetChannel(channel with { Closing = closing });
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
