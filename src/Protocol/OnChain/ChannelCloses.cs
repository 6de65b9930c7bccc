using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.OnChain;

/// <summary>
/// Closing a channel and following its close on chain. closeChannel stores the non-closing participant's
/// proof as the closer submits it; updateNonClosingBalanceProof stores the closer's proof as the non-closer
/// submits it (contracts-sol/src/TokenNetwork.sol). So ChannelClosed reports the proof of the participant
/// that did NOT close, and NonClosingBalanceProofUpdated the proof of the closer.
/// </summary>
internal static class ChannelCloses
{
    /// <summary>
    /// Asks to close with the partner's latest proof (all zero when it never sent one) and freezes the
    /// channel's proofs: a proof made or accepted after this could never reach the chain. Asking again
    /// before the close is seen asks for the same transaction again (a retry; the contract takes one close).
    /// </summary>
    public static void Close(TransitionContext context, ActionCloseChannel action)
    {
        if (context.ChannelWith(action.TokenNetwork, action.Partner) is not { } channel)
        {
            context.RefuseAction(action, RefusalReason.UnknownChannel, $"no channel with {action.Partner} in token network {action.TokenNetwork}");
            return;
        }
        if (channel.Status != ChannelStatus.Opened)
        {
            context.RefuseAction(action, RefusalReason.ChannelNotOpened, $"channel {channel.ChannelId} is {channel.Status}");
            return;
        }
        var partner = channel.Partner;
        context.Emit(partner.Signature is { } signature
            ? new ContractSendChannelClose(channel.TokenNetwork, channel.ChannelId, partner.Address, partner.BalanceHash, partner.Nonce, signature.AdditionalHash, signature.Signature)
            : new ContractSendChannelClose(channel.TokenNetwork, channel.ChannelId, partner.Address, Hash256.Zero, 0, Hash256.Zero, null));
        if (!channel.CloseRequested)
            context.SetChannel(channel with { CloseRequested = true });
    }

    public static void OnClosed(TransitionContext context, ContractReceiveChannelClosed closed)
    {
        if (context.Channel(closed.TokenNetwork, closed.ChannelId) is not { } channel || channel.Status != ChannelStatus.Opened)
            return;
        var partnerClosed = closed.ClosingParticipant == channel.Partner.Address;
        if (!partnerClosed && closed.ClosingParticipant != context.Our)
            return;
        var submitted = StoredProof.Of(closed.Nonce, closed.BalanceHash, partnerClosed ? channel.Our : channel.Partner);
        var closing = new ChannelClosing(closed.ClosingParticipant, closed.BlockNumber, closed.BlockNumber + channel.SettleTimeout)
        {
            Our = partnerClosed ? submitted : StoredProof.Empty,
            Partner = partnerClosed ? StoredProof.Empty : submitted,
        };
        channel = channel with { Status = ChannelStatus.Closed, Closing = closing };
        context.SetChannel(channel);
        var by = partnerClosed ? "the partner" : "us";
        context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, ChannelStatus.Closed,
            $"closed by {by} in block {closed.BlockNumber}; proofs and unlocks until block {closing.SettleBlock}, settlement after block {closing.PunishDeadline(context.State.Settings.PunishWindow)}"));
        if (partnerClosed)
            RequestUpdate(context, channel);
        LockClaims.Claim(context, channel);
    }

    /// <summary>Records the closer's proof an update stored, then claims the partner's locks if it is now the partner's latest.</summary>
    public static void OnUpdated(TransitionContext context, ContractReceiveNonClosingBalanceProofUpdated updated)
    {
        if (context.Channel(updated.TokenNetwork, updated.ChannelId) is not { Closing: { } closing } channel || channel.Status != ChannelStatus.Closed)
            return;
        if (updated.ClosingParticipant != closing.Closer)
            return;
        var partnerClosed = closing.Closer == channel.Partner.Address;
        var stored = partnerClosed ? closing.Partner : closing.Our;
        // Nonces only rise on chain: an update seen again (or an older one seen late) changes nothing.
        if (updated.Nonce <= stored.Nonce)
            return;
        var proof = StoredProof.Of(updated.Nonce, updated.BalanceHash, partnerClosed ? channel.Partner : channel.Our);
        // The new balance hash replaces the one earlier unlocks were credited to: those credits are gone
        // on chain, and the locks may be unlocked again against the new proof.
        closing = partnerClosed
            ? closing with { Partner = proof, UnlockRequests = [], UnlockedForUs = [] }
            : closing with { Our = proof, UnlockedForPartner = [] };
        channel = channel with { Closing = closing };
        context.SetChannel(channel);
        var whose = partnerClosed ? "the partner's" : "our";
        context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, ChannelStatus.Closed,
            $"{whose} proof on chain is now the one of nonce {updated.Nonce}"));
        if (partnerClosed)
            LockClaims.Claim(context, channel);
    }

    /// <summary>
    /// The partner closed: the chain holds no proof of its own, so we submit the latest one we hold (if any)
    /// while the update can still be mined by the settle block.
    /// </summary>
    private static void RequestUpdate(TransitionContext context, Channel channel)
    {
        var partner = channel.Partner;
        var closing = channel.Closing!;
        if (partner.Signature is not { } signature)
            return;
        if (!ChainWindows.CanLandBy(context.BlockNumber, closing.SettleBlock))
        {
            context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, partner.Address, ChannelStatus.Closed,
                $"too late to submit the partner's proof of nonce {partner.Nonce}: block {context.BlockNumber}, updates until block {closing.SettleBlock}"));
            return;
        }
        context.Emit(new ContractSendChannelUpdate(channel.TokenNetwork, channel.ChannelId, partner.Address, partner.BalanceHash, partner.Nonce, signature.AdditionalHash, signature.Signature));
    }
}
