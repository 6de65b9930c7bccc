using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.OnChain;

/// <summary>
/// Reactions to chain events (DESIGN.md §6): the node's channels follow the contract's lifecycle; a
/// close by the partner is answered with our newest proof, then the unlocks we can claim; a settle is
/// submitted once allowed. Every handler is idempotent: a chain event seen twice changes nothing more.
/// </summary>
internal static class ChainEvents
{
    public static void OnTokenNetworkCreated(TransitionContext context, ContractReceiveTokenNetworkCreated created)
    {
        if (context.State.TokenNetworks.ContainsKey(created.TokenNetwork))
            return;
        var network = new TokenNetworkState(created.TokenNetwork, created.Token);
        context.State = context.State with { TokenNetworks = context.State.TokenNetworks.Add(created.TokenNetwork, network) };
    }

    public static void OnOpened(TransitionContext context, ContractReceiveChannelOpened opened)
    {
        var our = context.Our;
        if (opened.Participant1 != our && opened.Participant2 != our)
            return;
        if (context.TokenNetwork(opened.TokenNetwork) is not { } network || network.Channels.ContainsKey(opened.ChannelId))
            return;
        var partner = opened.Participant1 == our ? opened.Participant2 : opened.Participant1;
        var channel = new Channel(
            context.State.ChainId,
            opened.TokenNetwork,
            opened.ChannelId,
            opened.SettleTimeout,
            context.State.Settings.RevealTimeoutFor(opened.SettleTimeout),
            new ChannelEnd(our),
            new ChannelEnd(partner));
        network = network.WithChannel(channel) with { ChannelByPartner = network.ChannelByPartner.SetItem(partner, opened.ChannelId) };
        context.State = context.State with { TokenNetworks = context.State.TokenNetworks.SetItem(network.Address, network) };
        context.Emit(new EventChannelChanged(opened.TokenNetwork, opened.ChannelId, partner, ChannelStatus.Opened, "opened"));
    }

    public static void OnDeposit(TransitionContext context, ContractReceiveChannelDeposit deposit)
    {
        if (context.Channel(deposit.TokenNetwork, deposit.ChannelId) is not { } channel)
            return;
        var (end, _) = channel.EndsOf(deposit.Participant);
        // Totals only grow on chain; an older event seen late changes nothing.
        if (deposit.TotalDeposit <= end.TotalDeposit)
            return;
        context.SetChannel(channel.WithEnd(end with { TotalDeposit = deposit.TotalDeposit }));
        context.Emit(new EventChannelChanged(deposit.TokenNetwork, deposit.ChannelId, channel.Partner.Address, channel.Status, $"deposit of {deposit.Participant} is now {deposit.TotalDeposit}"));
    }

    public static void OnWithdraw(TransitionContext context, ContractReceiveChannelWithdraw withdrawn)
    {
        if (context.Channel(withdrawn.TokenNetwork, withdrawn.ChannelId) is not { } channel)
            return;
        var (end, _) = channel.EndsOf(withdrawn.Participant);
        if (withdrawn.TotalWithdraw <= end.TotalWithdraw)
            return;
        context.SetChannel(channel.WithEnd(end with { TotalWithdraw = withdrawn.TotalWithdraw }));
        context.Emit(new EventChannelChanged(withdrawn.TokenNetwork, withdrawn.ChannelId, channel.Partner.Address, channel.Status, $"withdrawal of {withdrawn.Participant} is now {withdrawn.TotalWithdraw}"));
    }

    public static void Close(TransitionContext context, ActionCloseChannel action) => ChannelCloses.Close(context, action);

    public static void Recall(TransitionContext context, ActionRecallProofValues recall) => Settlements.Recall(context, recall);

    public static void OnClosed(TransitionContext context, ContractReceiveChannelClosed closed) => ChannelCloses.OnClosed(context, closed);

    public static void OnUpdated(TransitionContext context, ContractReceiveNonClosingBalanceProofUpdated updated) => ChannelCloses.OnUpdated(context, updated);

    public static void OnUnlocked(TransitionContext context, ContractReceiveChannelUnlocked unlocked) => LockClaims.OnUnlocked(context, unlocked);

    public static void OnPunished(TransitionContext context, ContractReceiveChannelPunished punished) => Punishments.OnPunished(context, punished);

    public static void OnSettled(TransitionContext context, ContractReceiveChannelSettled settled) =>
        Settlements.OnSettled(context, settled.TokenNetwork, settled.ChannelId,
            $"settled in block {settled.BlockNumber}: participant1 received {settled.Participant1Amount}, participant2 {settled.Participant2Amount}");

    public static void OnCooperativeSettled(TransitionContext context, ContractReceiveChannelCooperativeSettled settled) =>
        Settlements.OnSettled(context, settled.TokenNetwork, settled.ChannelId,
            $"settled cooperatively in block {settled.BlockNumber}: participant1 received {settled.Participant1Amount}, participant2 {settled.Participant2Amount}");

    /// <summary>The timed rules of closed channels: claims that became possible (new secrets), and settlement after the punish window.</summary>
    public static void OnBlock(TransitionContext context)
    {
        foreach (var channel in ClosedChannels.Of(context.State))
            Settlements.OnBlock(context, LockClaims.Claim(context, channel));
    }

    public static void OnSecretRegistered(TransitionContext context, ContractReceiveSecretRevealed revealed) => LockClaims.OnSecretRegistered(context, revealed);
}
