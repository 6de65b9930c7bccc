using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Events;
using Photon.Protocol.Routing;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Tests.Network;

/// <summary>A mediated payment a scenario gives an initiator, and how to read its outcome from the nodes' events.</summary>
internal sealed record PlannedPayment(TestNode Initiator, TestNode Target, UInt256 PaymentId, UInt256 Amount, Hash256 Secret, ImmutableArray<Route> Routes)
{
    public Hash256 SecretHash => Contracts.Locks.SecretHash.Of(Secret);

    public ActionInitPayment Action => new(TestNetwork.TokenNetworkAddress, PaymentId, Target.Address, Amount, Secret, Routes);

    /// <summary>The initiator's final word on the payment: EventPaymentSucceeded, EventPaymentFailed, or the refusal of its action; null while pending.</summary>
    public Event? Outcome(out int outcomes)
    {
        var ends = Initiator.Events.Where(e =>
            e is EventPaymentSucceeded s && s.PaymentId == PaymentId
            || e is EventPaymentFailed f && f.PaymentId == PaymentId
            || e is EventActionRefused { Action: ActionInitPayment a } && a.PaymentId == PaymentId).ToList();
        outcomes = ends.Count;
        return ends.FirstOrDefault();
    }

    public override string ToString() =>
        $"payment {PaymentId}: {Initiator.Name} → {Target.Name}, {Amount}, routes {string.Join(" | ", Routes.Select(r => $"[{string.Join(",", r.Hops)}] fee {r.Fee}"))}";
}
