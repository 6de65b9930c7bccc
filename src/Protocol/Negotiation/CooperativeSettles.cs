using Photon.Protocol.Channels;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Negotiation;

/// <summary>Cooperative settlement: both participants sign the same CooperativeSettle; either submits it.</summary>
internal static class CooperativeSettles
{
    // Issue 4, in progress: filled in by the negotiation work.
    public static void Request(TransitionContext context, ActionCooperativeSettle action) =>
        context.RefuseAction(action, RefusalReason.InvalidAction, "cooperative settle is not implemented yet");

    public static void OnRequest(TransitionContext context, ReceiveMessage received) =>
        context.RefuseMessage(received, RefusalReason.InvalidMessage, "cooperative settle is not implemented yet");

    public static void OnConfirmation(TransitionContext context, ReceiveMessage received) =>
        context.RefuseMessage(received, RefusalReason.InvalidMessage, "cooperative settle is not implemented yet");
}
