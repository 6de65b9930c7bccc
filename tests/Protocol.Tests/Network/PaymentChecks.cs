using System.Numerics;
using Photon.Protocol.Events;

namespace Photon.Protocol.Tests.Network;

/// <summary>What must hold once a network's payments are over (see <see cref="AssertNoNodeSignedAwayMoreThanItAgreedTo"/>).</summary>
internal static class PaymentChecks
{
    /// <summary>
    /// Delivers and resends until quiet, then mines blocks one at a time (each followed by the same) until
    /// every payment has ended at its initiator and no lock or payment task is left anywhere. Fails the
    /// test when that takes more than <paramref name="maxBlocks"/> blocks: a payment stuck for good.
    /// </summary>
    public static void DriveToEnd(TestNetwork network, IReadOnlyList<PlannedPayment> payments, int maxBlocks = 1_000, bool randomOrder = false)
    {
        for (var blocks = 0; ; blocks++)
        {
            network.RunUntilAcknowledged(randomOrder: randomOrder);
            if (payments.All(p => p.Outcome(out _) is not null) && IsSettled(network))
                return;
            if (blocks >= maxBlocks)
            {
                var pending = payments.Where(p => p.Outcome(out _) is null).Select(p => p.ToString());
                var locks = network.Nodes.SelectMany(n => n.Channels.SelectMany(c => c.Our.Locks.Select(l => $"{n.Name}: lock {l.Amount} expiring at {l.Expiration}")));
                var tasks = network.Nodes.SelectMany(n => n.State.Payments.Values.Select(t => $"{n.Name}: {t.GetType().Name} {t.PaymentId}"));
                Assert.Fail($"not over after {maxBlocks} blocks (block {network.Chain.BlockNumber}). Pending: {string.Join("; ", pending)}. Locks: {string.Join("; ", locks)}. Tasks: {string.Join("; ", tasks)}");
            }
            network.AdvanceBlocks(1);
        }
    }

    /// <summary>No lock pending in any end, no payment task left in any node.</summary>
    public static bool IsSettled(TestNetwork network) =>
        network.Nodes.All(n => n.State.Payments.IsEmpty && n.Channels.All(c => c.Our.Locks.IsEmpty && c.Partner.Locks.IsEmpty));

    /// <summary>Every payment has exactly one outcome at its initiator: succeeded, failed, or refused when asked.</summary>
    public static void AssertEveryPaymentEndedOnce(IEnumerable<PlannedPayment> payments)
    {
        foreach (var payment in payments)
        {
            Assert.True(payment.Outcome(out var outcomes) is not null, $"{payment} never ended");
            Assert.True(outcomes == 1, $"{payment} ended {outcomes} times");
        }
    }

    /// <summary>
    /// No node signed away more than it agreed to. With <see cref="TokenFlows"/> (each node's tokens received
    /// minus paid through the locks of each payment, read from its own signed and accepted proofs), for every
    /// payment P with initiator I, target T, amount a and route fee f (the fees are exact, so no surplus):
    /// <list type="bullet">
    /// <item>I's flow is −(a + f) when I emitted EventPaymentSucceeded, 0 when the payment failed or was refused: a failed payment costs nothing;</item>
    /// <item>T's flow is a when T emitted EventPaymentReceived for P (exactly once, for a), and 0 when it did not;</item>
    /// <item>every other node (a mediator) has a flow ≥ 0: it never pays out more than it was paid for P;</item>
    /// <item>the flows of all nodes sum to 0 (every token paid was received by someone).</item>
    /// </list>
    /// A target paid implies its initiator succeeded (else some mediator would be negative). The converse
    /// need not hold: a target that learns the secret after its lock expired is not paid, and the hop before
    /// it keeps the amount; <paramref name="unpaidTargets"/> counts those.
    /// </summary>
    public static void AssertNoNodeSignedAwayMoreThanItAgreedTo(TestNetwork network, IReadOnlyList<PlannedPayment> payments, out int unpaidTargets)
    {
        unpaidTargets = 0;
        var flows = network.Nodes.ToDictionary(n => n, TokenFlows.Of);
        foreach (var payment in payments)
        {
            var outcome = payment.Outcome(out _);
            var hash = payment.SecretHash;
            var initiatorFlow = flows[payment.Initiator].Of(hash);
            if (outcome is EventPaymentSucceeded succeeded)
            {
                Assert.True(initiatorFlow == -((BigInteger)succeeded.Amount + succeeded.Fee), $"{payment}: succeeded, but its initiator paid {-initiatorFlow}");
            }
            else
            {
                Assert.True(initiatorFlow == 0, $"{payment}: {outcome?.GetType().Name}, but its initiator paid {-initiatorFlow}");
            }
            // Payment ids are unique within a scenario, so they identify the event; which initiator the event
            // names is a separate rule (PaymentScenarioTests), not a question of tokens.
            var received = payment.Target.Events.OfType<EventPaymentReceived>().Where(e => e.PaymentId == payment.PaymentId).ToList();
            var targetFlow = flows[payment.Target].Of(hash);
            if (received.Count == 0)
            {
                Assert.True(targetFlow == 0, $"{payment}: its target got {targetFlow} without saying so");
                if (outcome is EventPaymentSucceeded)
                    unpaidTargets++;
            }
            else
            {
                Assert.True(received.Count == 1 && received[0].Amount == payment.Amount, $"{payment}: the target received {string.Join(", ", received.Select(r => r.Amount))}");
                Assert.True(targetFlow == payment.Amount, $"{payment}: the target announced {payment.Amount} and got {targetFlow}");
                Assert.True(outcome is EventPaymentSucceeded, $"{payment}: the target was paid, the initiator says {outcome}");
            }
            var total = BigInteger.Zero;
            foreach (var (node, flow) in flows)
            {
                var amount = flow.Of(hash);
                total += amount;
                if (node != payment.Initiator && node != payment.Target)
                    Assert.True(amount >= 0, $"{payment}: mediator {node.Name} lost {-amount}");
            }
            Assert.True(total == 0, $"{payment}: flows sum to {total}");
        }
    }
}
