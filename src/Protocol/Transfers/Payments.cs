using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Transfers;

internal static class Payments
{
    public static void OnBlock(TransitionContext context) { }
    public static void OnSecretRegistered(TransitionContext context, ContractReceiveSecretRevealed revealed) { }
    public static void OnMediatedTransfer(TransitionContext context, ReceiveMessage received) { }
    public static void OnRevealSecret(TransitionContext context, ReceiveMessage received) { }
    public static void OnUnlock(TransitionContext context, ReceiveMessage received) { }
    public static void OnLockExpired(TransitionContext context, ReceiveMessage received) { }
    public static void OnAnnounceDisposed(TransitionContext context, ReceiveMessage received) { }
    public static void OnAnnounceDisposedResponse(TransitionContext context, ReceiveMessage received) { }
}
