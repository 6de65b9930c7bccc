using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.OnChain;

/// <summary>
/// punishObsoleteUnlock: the partner unlocked on chain a lock of ours it had given up by signing Disposed
/// (<see cref="Channel.PartnerDisposals"/>); with that signature the contract hands us its whole share.
/// </summary>
internal static class Punishments
{
    /// <summary>Asks for the punishment once, while it can be mined within the punish window, unless the contract already punished.</summary>
    public static void OnPartnerUnlocked(TransitionContext context, Channel channel, Hash256 lockHash)
    {
        if (channel.Closing is not { } closing || !channel.PartnerDisposals.TryGetValue(lockHash, out var disposal))
            return;
        if (closing.PunishRequested || closing.Punished is not null)
            return;
        var deadline = closing.PunishDeadline(context.State.Settings.PunishWindow);
        if (!ChainWindows.CanLandBy(context.BlockNumber, deadline))
        {
            context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, channel.Status,
                $"the partner unlocked lock {lockHash} it had disposed, too late to punish: block {context.BlockNumber}, punishment until block {deadline}"));
            return;
        }
        context.Emit(new ContractSendPunishObsoleteUnlock(channel.TokenNetwork, channel.ChannelId, context.Our, channel.Partner.Address, lockHash, disposal.AdditionalHash, disposal.Signature));
        context.SetChannel(channel with { Closing = closing with { PunishRequested = true } });
    }

    public static void OnPunished(TransitionContext context, ContractReceiveChannelPunished punished)
    {
        if (context.Channel(punished.TokenNetwork, punished.ChannelId) is not { Closing: { } closing } channel || closing.Punished is not null)
            return;
        context.SetChannel(channel with { Closing = closing with { Punished = punished.Cheater } });
        var who = punished.Cheater == context.Our ? "we were" : "the partner was";
        context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, channel.Status,
            $"{who} punished: {punished.Beneficiary} receives the whole channel at settlement"));
    }
}
