using Photon.Protocol.Channels;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Negotiation;

/// <summary>Withdraw without closing: both participants sign the same Withdraw, then the withdrawer submits it.</summary>
internal static class Withdraws
{
    // Issue 4, in progress: filled in by the negotiation work.
    public static void Request(TransitionContext context, ActionWithdraw action) =>
        context.RefuseAction(action, RefusalReason.InvalidAction, "withdraw is not implemented yet");

    public static void OnRequest(TransitionContext context, ReceiveMessage received) =>
        context.RefuseMessage(received, RefusalReason.InvalidMessage, "withdraw is not implemented yet");

    public static void OnConfirmation(TransitionContext context, ReceiveMessage received) =>
        context.RefuseMessage(received, RefusalReason.InvalidMessage, "withdraw is not implemented yet");

    public static void OnWithdrawn(TransitionContext context, ContractReceiveChannelWithdraw withdrawn)
    {
    }

    public static void OnBlock(TransitionContext context)
    {
    }
}
