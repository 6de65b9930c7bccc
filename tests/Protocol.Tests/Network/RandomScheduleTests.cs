using System.Diagnostics;
using Photon.Protocol.Events;
using Photon.Protocol.Routing;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Xunit.Abstractions;
using Xunit.Sdk;
using static Photon.Protocol.Tests.Network.NetworkInvariants;
using static Photon.Protocol.Tests.Network.PaymentChecks;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// Seeded random schedules over five nodes: payments started at random moments among deliveries (bursts
/// that interleave links at random but keep each link's order, as a relay does, and single deliveries of
/// any message in flight), drops, duplicates, reorderings, resends, block advances, links going down and
/// direct transfers.
/// Each schedule is then driven to its end (every link back, resends until acknowledged, blocks mined until
/// no lock is left) and checked:
/// <list type="bullet">
/// <item>after every step: tokens conserved in every channel, in every view and on the signed ends, and every
/// view of a partner's end lagging the end the partner signed (<see cref="NetworkInvariants"/>);</item>
/// <item>at the end: every payment ended exactly once at its initiator (succeeded, failed, or refused when
/// asked), no lock and no payment task left, both ends of every channel agree;</item>
/// <item>no node signed away more than it agreed to, per payment, from each node's own proofs
/// (<see cref="PaymentChecks.AssertNoNodeSignedAwayMoreThanItAgreedTo"/>): a mediator's flow for a payment
/// is never negative; an initiator pays exactly amount + fee for a succeeded payment and nothing for a
/// failed one; a target's flow is exactly what it announced as received; all flows of a payment sum to zero;</item>
/// <item>replay: one node of every tenth schedule is rebuilt from its recorded inputs and must reach the
/// same states and events.</item>
/// </list>
/// Sizes: a schedule costs a few milliseconds per payment (every message is signed and its envelope opened,
/// every proof signed and checked), so the 500 schedules carry 8 payments each (4,000 in all), and
/// <see cref="Two_hundred_payments_per_schedule_under_the_same_disturbances"/> runs 200 payments in each of
/// a few schedules. A failure names its seed, and a seed replays the same run in any process: the harness
/// draws only from lists in a fixed order and the core walks channels in id order (hash codes, which .NET
/// seeds per process, decide no order).
/// </summary>
public sealed class RandomScheduleTests(ITestOutputHelper output)
{
    private const int Schedules = 500;
    private const int PaymentsPerSchedule = 8;
    private const ulong DirectPaymentIds = 1_000_000;

    [Fact]
    public void Five_hundred_random_schedules_conserve_tokens_end_every_payment_and_cost_no_node_more_than_it_agreed_to()
    {
        var totals = new Totals();
        var clock = Stopwatch.StartNew();
        for (var seed = 0; seed < Schedules; seed++)
            RunSchedule(seed, PaymentsPerSchedule, totals);
        output.WriteLine($"{Schedules} schedules in {clock.Elapsed.TotalSeconds:F1} s: {totals}");

        // The generator reaches every outcome and every disturbance, so the checks above ran on all of them.
        Assert.True(totals.Succeeded > Schedules, totals.ToString());
        Assert.True(totals.Failed > Schedules / 5, totals.ToString());
        Assert.True(totals.ExpiredLocks > Schedules / 5, totals.ToString());
        Assert.True(totals.Registrations > Schedules / 20, totals.ToString());
        Assert.True(totals.Lost > Schedules, totals.ToString());
    }

    [Fact]
    public void Two_hundred_payments_per_schedule_under_the_same_disturbances()
    {
        var totals = new Totals();
        foreach (var seed in new[] { 1_000, 1_001, 1_002 })
            RunSchedule(seed, 200, totals);
        output.WriteLine(totals.ToString());
        Assert.True(totals.Succeeded > 150, totals.ToString());
    }

    private static void RunSchedule(int seed, int paymentCount, Totals totals)
    {
        try
        {
            Run(seed, paymentCount, totals);
        }
        catch (XunitException e)
        {
            throw new XunitException($"schedule {seed} ({paymentCount} payments): {e.Message}");
        }
    }

    private static void Run(int seed, int paymentCount, Totals totals)
    {
        var (network, payments, random) = Play(seed, paymentCount);
        AssertEveryPaymentEndedOnce(payments);
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, payments, out var unpaidTargets);
        if (seed % 10 == 0)
            AssertReplays(network.Nodes[random.Next(network.Nodes.Count)]);
        totals.Add(network, payments, unpaidTargets);
    }

    /// <summary>Schedule <paramref name="seed"/>, driven to its end (every payment over, no lock left).</summary>
    internal static (TestNetwork Network, List<PlannedPayment> Payments, Random Random) Play(int seed, int paymentCount)
    {
        var random = new Random(seed);
        var revealTimeout = (ulong)random.Next(3, 9);
        var network = new TestNetwork(5, random, new ProtocolSettings(revealTimeout, FeeSchedule.Free));
        network.Chain.SecretRegistrationDelay = (ulong)random.Next(0, (int)revealTimeout / 2 + 1);
        var nodes = network.Nodes;
        var pairs = new List<(int, int)> { (0, 1), (1, 2), (2, 3), (3, 4), (4, 0) };
        var chords = new List<(int, int)> { (0, 2), (0, 3), (1, 3), (1, 4), (2, 4) }.OrderBy(_ => random.Next()).Take(random.Next(0, 3));
        foreach (var (i, j) in pairs.Concat(chords))
            network.OpenChannel(nodes[i], nodes[j], (ulong)random.Next(0, 300), (ulong)random.Next(0, 300), (ulong)random.Next(30, 100));
        foreach (var node in nodes.Where(_ => random.Next(2) == 0))
        {
            var partner = network.NodeAt(node.Channels.ElementAt(random.Next(node.Channels.Count())).Partner.Address);
            network.Apply(node, new ActionSetFeeSchedule(TestNetwork.TokenNetworkAddress, partner.Address, new FeeSchedule((ulong)random.Next(0, 4), (ulong)random.Next(0, 20_000))));
        }
        var planner = new PaymentPlanner(network, random);
        var payments = new List<PlannedPayment>();
        TestNode? down = null;
        ulong directId = DirectPaymentIds;
        for (var step = 0; payments.Count < paymentCount || step < 40; step++)
        {
            var op = random.Next(100);
            if (op < 18 && payments.Count < paymentCount)
            {
                var initiator = nodes[random.Next(nodes.Count)];
                var target = nodes.Where(n => n != initiator).ElementAt(random.Next(nodes.Count - 1));
                var payment = planner.Plan(initiator, target, (ulong)random.Next(1, 80), maxRoutes: random.Next(1, 4));
                payments.Add(payment);
                network.Apply(initiator, payment.Action);
            }
            else if (op < 45)
            {
                // A burst that grows with the traffic, so that busy schedules deliver as much per block as quiet ones.
                for (var burst = random.Next(1, 2 + network.InFlight.Count); burst > 0 && network.DeliverOnRandomLink(); burst--)
                {
                }
            }
            else if (op < 52)
                network.DeliverNext();
            else if (op < 57 && network.InFlight.Count > 0)
                network.Drop(random.Next(network.InFlight.Count));
            else if (op < 62 && network.InFlight.Count > 0)
                network.Duplicate(random.Next(network.InFlight.Count));
            else if (op < 65)
                network.Reorder();
            else if (op < 73)
                network.Retry(nodes[random.Next(nodes.Count)]);
            else if (op < 82)
            {
                // A shell's resend timer fires more often than blocks come: before each block, every message
                // not acknowledged and no longer on the wire goes out again.
                for (var blocks = random.Next(1, 4); blocks > 0; blocks--)
                {
                    network.RetryAll(lostOnly: true);
                    network.AdvanceBlocks(1);
                }
            }
            else if (op < 86)
            {
                if (down is null)
                    network.Disconnect(down = nodes[random.Next(nodes.Count)]);
                else
                {
                    network.Reconnect(down);
                    down = null;
                }
            }
            else if (op < 90)
            {
                var payer = nodes[random.Next(nodes.Count)];
                var partner = payer.Channels.ElementAt(random.Next(payer.Channels.Count())).Partner.Address;
                network.Apply(payer, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, partner, (ulong)random.Next(1, 30), directId++));
            }
            else
                network.DeliverRandom();
            AssertTokensConserved(network);
            AssertViewsConsistent(network);
        }
        if (down is not null)
            network.Reconnect(down);
        DriveToEnd(network, payments, randomOrder: true);
        return (network, payments, random);
    }

    private sealed class Totals
    {
        public int Payments { get; private set; }

        public int Succeeded { get; private set; }

        public int Failed { get; private set; }

        public int Refused { get; private set; }

        public int UnpaidTargets { get; private set; }

        public int ExpiredLocks { get; private set; }

        public int Registrations { get; private set; }

        public int Deliveries { get; private set; }

        public int Lost { get; private set; }

        public void Add(TestNetwork network, List<PlannedPayment> payments, int unpaidTargets)
        {
            Payments += payments.Count;
            Succeeded += payments.Count(p => p.Outcome(out _) is EventPaymentSucceeded);
            Failed += payments.Count(p => p.Outcome(out _) is EventPaymentFailed);
            Refused += payments.Count(p => p.Outcome(out _) is EventActionRefused);
            UnpaidTargets += unpaidTargets;
            ExpiredLocks += network.Nodes.Sum(n => n.Events.OfType<EventLockExpired>().Count(e => e.Payer == n.Address));
            Registrations += network.Chain.RegisteredSecrets.Count;
            Deliveries += network.Deliveries;
            Lost += network.Lost;
        }

        public override string ToString() =>
            $"{Payments} payments: {Succeeded} succeeded ({UnpaidTargets} of them with the target unpaid), {Failed} failed, {Refused} refused; " +
            $"{ExpiredLocks} locks expired, {Registrations} secrets registered on chain; {Deliveries} messages delivered, {Lost} lost on a down link";
    }
}
