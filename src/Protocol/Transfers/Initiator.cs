using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Transfers;

internal static class Initiator
{
    public static void Start(TransitionContext context, ActionInitPayment action) { }
    public static void OnSecretRequest(TransitionContext context, ReceiveMessage received) { }
}
