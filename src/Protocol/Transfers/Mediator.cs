using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Transfers;

internal static class Mediator
{
    public static void SetFees(TransitionContext context, ActionSetFeeSchedule action) { }
}
