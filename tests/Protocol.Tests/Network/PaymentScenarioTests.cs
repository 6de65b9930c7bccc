using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Events;
using Photon.Protocol.Routing;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Network.NetworkInvariants;
using static Photon.Protocol.Tests.Network.PaymentChecks;

namespace Photon.Protocol.Tests.Network;

/// <summary>Mediated payments through the in-memory network: the three-party story and many concurrent payments.</summary>
public sealed class PaymentScenarioTests
{
    [Fact]
    public void Three_party_story_A_pays_B_directly_then_C_through_B()
    {
        var network = new TestNetwork(3, new Random(3));
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);

        network.Apply(a, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, b.Address, 30, 1));
        network.RunUntilQuiet();
        var secret = Keccak256.Hash("three-party story");
        var payment = new PlannedPayment(a, c, 2, 20, secret, [new Route([b.Address, c.Address], UInt256.Zero)]);
        network.Apply(a, payment.Action);
        network.RunUntilQuiet();

        Assert.Equal(new EventPaymentSucceeded(TestNetwork.TokenNetworkAddress, 2, c.Address, 20, UInt256.Zero, payment.SecretHash), payment.Outcome(out _));
        Assert.Equal([new EventPaymentReceived(TestNetwork.TokenNetworkAddress, 2, a.Address, 20)], c.Events.OfType<EventPaymentReceived>());
        Assert.Equal((UInt256)50, a.Distributable(b));
        Assert.Equal((UInt256)50, b.Distributable(a));
        Assert.Equal((UInt256)60, b.Distributable(c));
        Assert.Equal((UInt256)20, c.Distributable(b));
        Assert.True(IsSettled(network), "a lock or a payment task is left");
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out var unpaid);
        Assert.Equal(0, unpaid);
        Assert.Empty(network.Chain.Transactions);
        foreach (var node in network.Nodes)
            AssertReplays(node);
    }

    [Fact]
    public void A_secret_request_stops_being_resent_once_its_payment_has_ended()
    {
        // A pays C through B; A's link goes down just as C asks it for the secret, and stays down until
        // A's lock has expired and A has given the payment up. Once A is back, C's request must end
        // (acknowledged, or withdrawn by C) instead of being resent forever.
        var network = new TestNetwork(3, new Random(6));
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("expired while asking"), [new Route([b.Address, c.Address], UInt256.Zero)]);
        network.Apply(a, payment.Action);
        while (!network.InFlight.Any(m => m.Kind == Messages.Message.PayloadOneofCase.SecretRequest))
            network.DeliverNext();
        network.Disconnect(a);
        while (payment.Outcome(out _) is null)
        {
            network.RetryAll();
            network.RunUntilQuiet();
            network.AdvanceBlocks(1);
        }
        network.Reconnect(a);

        DriveToEnd(network, [payment]);

        Assert.IsType<EventPaymentFailed>(payment.Outcome(out _));
        Assert.Empty(c.Events.OfType<EventPaymentReceived>());
        AssertViewsAgree(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
    }

    [Fact]
    public void A_secret_revealed_too_late_to_the_target_stops_being_resent()
    {
        // The initiator's RevealSecret reaches C only after C's lock has expired (C never learned the
        // secret in time). The reveal must end (acknowledged) instead of being resent forever, and C must
        // not pass a secret on for a lock that can no longer pay it.
        var network = new TestNetwork(3, new Random(7));
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("revealed too late"), [new Route([b.Address, c.Address], UInt256.Zero)]);
        network.Apply(a, payment.Action);
        while (!network.InFlight.Any(m => m.Kind == Messages.Message.PayloadOneofCase.RevealSecret))
            network.DeliverNext();
        network.Take(network.InFlight.ToList().FindIndex(m => m.Kind == Messages.Message.PayloadOneofCase.RevealSecret));
        network.RunUntilQuiet();
        network.Disconnect(c);
        while (payment.Outcome(out _) is null || c.Channels.Any(channel => channel.Partner.Locks.Any(l => l.Expiration >= c.State.BlockNumber)))
        {
            network.RunUntilQuiet();
            network.AdvanceBlocks(1);
        }
        network.Reconnect(c);

        DriveToEnd(network, [payment]);

        Assert.IsType<EventPaymentFailed>(payment.Outcome(out _));
        Assert.Empty(c.Events.OfType<EventPaymentReceived>());
        AssertViewsAgree(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
    }

    [Fact]
    public void A_target_paid_after_dropping_its_expired_payment_names_the_payments_initiator()
    {
        // C learns the secret but its reveal to B is lost; its registration on chain lands one block after
        // its lock expired (too late to claim it), so C drops the payment. B, learning the secret from the
        // chain, releases the lock to C anyway. C is paid 20 for A's payment 1, and says so: the event
        // must name A, the initiator, not B, the hop that paid it.
        var reveal = TestNetwork.DefaultSettings.RevealTimeout;
        var network = new TestNetwork(3, new Random(8));
        network.Chain.SecretRegistrationDelay = reveal + 1;
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("paid after expiry"), [new Route([b.Address, c.Address], UInt256.Zero)]);
        network.Apply(a, payment.Action);
        while (!network.InFlight.Any(m => m.Kind == Messages.Message.PayloadOneofCase.RevealSecret && m.From == c.Address))
            network.DeliverNext();
        network.Take(network.InFlight.ToList().FindIndex(m => m.Kind == Messages.Message.PayloadOneofCase.RevealSecret && m.From == c.Address));
        network.RunUntilQuiet();
        while (network.Chain.RegisteredSecrets.Count == 0)
            network.AdvanceBlocks(1);

        DriveToEnd(network, [payment]);

        Assert.IsType<EventPaymentSucceeded>(payment.Outcome(out _));
        Assert.Equal((UInt256)20, c.Distributable(b));
        Assert.Equal([new EventPaymentReceived(TestNetwork.TokenNetworkAddress, 1, a.Address, 20)], c.Events.OfType<EventPaymentReceived>());
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
    }

    [Fact]
    public void A_hundred_concurrent_payments_over_five_nodes_all_end_and_none_stays_stuck()
    {
        var random = new Random(100);
        var network = new TestNetwork(5, random);
        var nodes = network.Nodes;
        // A ring with two chords: every pair has at least two routes.
        (int, int)[] channels = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (0, 2), (1, 3)];
        foreach (var (i, j) in channels)
            network.OpenChannel(nodes[i], nodes[j], (ulong)random.Next(200, 600), (ulong)random.Next(200, 600));
        network.Apply(nodes[1], new ActionSetFeeSchedule(TestNetwork.TokenNetworkAddress, nodes[2].Address, new FeeSchedule(1, 1_000)));
        network.Apply(nodes[3], new ActionSetFeeSchedule(TestNetwork.TokenNetworkAddress, nodes[4].Address, new FeeSchedule(2, 0)));
        var planner = new PaymentPlanner(network, random);
        var payments = new List<PlannedPayment>();
        for (var i = 0; i < 100; i++)
        {
            var initiator = nodes[random.Next(nodes.Count)];
            var target = nodes.Where(n => n != initiator).ElementAt(random.Next(nodes.Count - 1));
            payments.Add(planner.Plan(initiator, target, (ulong)random.Next(1, 60), maxRoutes: 2));
        }

        // All hundred start before any message moves; the wire delivers in a random order. Midway E's link
        // goes down for 60 blocks (longer than any lock lives), so some locks expire and some secrets are
        // registered on chain; then it comes back and everything is driven to its end.
        foreach (var payment in payments)
            network.Apply(payment.Initiator, payment.Action);
        for (var i = 0; i < 400 && network.DeliverRandom(); i++)
        {
        }
        network.Disconnect(nodes[4]);
        for (var block = 0; block < 60; block++)
        {
            network.RetryAll();
            network.RunUntilQuiet(randomOrder: true);
            network.AdvanceBlocks(1);
        }
        network.Reconnect(nodes[4]);
        DriveToEnd(network, payments, randomOrder: true);

        AssertEveryPaymentEndedOnce(payments);
        var succeeded = payments.Count(p => p.Outcome(out _) is EventPaymentSucceeded);
        var failed = payments.Count(p => p.Outcome(out _) is EventPaymentFailed);
        // Most payments start and most of those go through; the rest ran out of capacity or time.
        Assert.True(succeeded + failed >= 90, $"{succeeded} succeeded, {failed} failed, {100 - succeeded - failed} refused");
        // The run is the same in every process (the harness and the core walk channels in id order); the
        // link down for 60 blocks makes many payments fail. This guards against hardly anything succeeding.
        Assert.True(succeeded >= 30, $"{succeeded} succeeded, {failed} failed, {100 - succeeded - failed} refused");
        Assert.Contains(nodes, n => n.Events.OfType<EventLockExpired>().Any());
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, payments, out _);
        AssertReplays(nodes[random.Next(nodes.Count)]);
    }
}
