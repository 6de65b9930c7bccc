using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Events;
using Photon.Protocol.Routing;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Network.NetworkInvariants;
using static Photon.Protocol.Tests.Network.PaymentChecks;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// One mediated payment at a time through the in-memory network, each down a path other than the plain
/// success: a disposal and a reroute, an expiry, a mediator's fee, and a target that registers its secret.
/// </summary>
public sealed class MediatedPaymentTests
{
    [Fact]
    public void A_payment_disposed_by_a_mediator_without_capacity_goes_through_the_next_route()
    {
        // B can forward at most 5 to C, so it disposes A's lock of 20; A then pays through D.
        var network = new TestNetwork(4, new Random(11));
        var (a, b, c, d) = (network["A"], network["B"], network["C"], network["D"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 5, 0);
        network.OpenChannel(a, d, 100, 0);
        network.OpenChannel(d, c, 80, 0);
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("disposal reroutes"),
            [new Route([b.Address, c.Address], UInt256.Zero), new Route([d.Address, c.Address], UInt256.Zero)]);

        network.Apply(a, payment.Action);
        network.RunUntilQuiet();

        Assert.Equal(new EventPaymentSucceeded(TestNetwork.TokenNetworkAddress, 1, c.Address, 20, UInt256.Zero, payment.SecretHash), payment.Outcome(out _));
        Assert.Equal([new EventPaymentReceived(TestNetwork.TokenNetworkAddress, 1, a.Address, 20)], c.Events.OfType<EventPaymentReceived>());
        // The first route cost A nothing: its lock is gone, the whole deposit is back, and it keeps B's Disposed proof.
        var ab = a.ChannelWith(b);
        Assert.Empty(ab.Our.Locks);
        Assert.Equal((UInt256)100, a.Distributable(b));
        Assert.Equal((UInt256)0, b.Distributable(a));
        Assert.Single(ab.PartnerDisposals);
        Assert.Equal((UInt256)5, b.Distributable(c));
        // The second route paid.
        Assert.Equal((UInt256)80, a.Distributable(d));
        Assert.Equal((UInt256)60, d.Distributable(c));
        Assert.Equal((UInt256)20, c.Distributable(d));
        Assert.True(network.IsQuiet, "a message is unacknowledged");
        Assert.True(IsSettled(network), "a lock or a payment task is left");
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out var unpaid);
        Assert.Equal(0, unpaid);
        Assert.Empty(network.Chain.Transactions);
    }

    [Fact]
    public void A_lock_the_target_never_receives_expires_and_returns_to_its_payers()
    {
        // C is unreachable: B's lock never reaches it and no secret is asked for. Both locks expire.
        var network = new TestNetwork(3, new Random(12));
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);
        network.Disconnect(c);
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("expiry returns the lock"), [new Route([b.Address, c.Address], UInt256.Zero)]);

        network.Apply(a, payment.Action);
        network.RunUntilQuiet();
        var aLock = Assert.Single(a.ChannelWith(b).Our.Locks);
        var bLock = Assert.Single(b.ChannelWith(c).Our.Locks);
        Assert.Null(payment.Outcome(out _));
        // A's lock stays pending through its expiration block and goes back to A in the block after.
        while (network.Chain.BlockNumber < (ulong)aLock.Expiration)
        {
            network.AdvanceBlocks(1);
            network.RetryAll();
            network.RunUntilQuiet();
        }
        Assert.Equal([aLock], a.ChannelWith(b).Our.Locks);
        Assert.Null(payment.Outcome(out _));
        network.AdvanceBlocks(1);
        network.RunUntilQuiet();
        Assert.Empty(a.ChannelWith(b).Our.Locks);
        Assert.Empty(b.ChannelWith(a).Partner.Locks);
        Assert.IsType<EventPaymentFailed>(payment.Outcome(out _));
        network.Reconnect(c);
        DriveToEnd(network, [payment]);

        Assert.IsType<EventPaymentFailed>(payment.Outcome(out _));
        // Each expiry is seen by both ends of its channel: the payer's own, and the payee's on LockExpired.
        var aExpired = new EventLockExpired(TestNetwork.TokenNetworkAddress, a.ChannelWith(b).ChannelId, a.Address, payment.SecretHash, aLock.Amount);
        var bExpired = new EventLockExpired(TestNetwork.TokenNetworkAddress, b.ChannelWith(c).ChannelId, b.Address, payment.SecretHash, bLock.Amount);
        Assert.Equal([aExpired], a.Events.OfType<EventLockExpired>());
        Assert.Equal([bExpired, aExpired], b.Events.OfType<EventLockExpired>());
        Assert.Equal([bExpired], c.Events.OfType<EventLockExpired>());
        Assert.Empty(c.Events.OfType<EventPaymentReceived>());
        Assert.Empty(a.ChannelWith(b).Our.Locks);
        Assert.Empty(b.ChannelWith(c).Our.Locks);
        Assert.Equal((UInt256)100, a.Distributable(b));
        Assert.Equal((UInt256)80, b.Distributable(c));
        Assert.Equal((UInt256)0, c.Distributable(b));
        Assert.True(IsSettled(network), "a lock or a payment task is left");
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
        Assert.Empty(network.Chain.Transactions);
    }

    [Fact]
    public void A_mediator_keeps_exactly_its_fee()
    {
        // B charges 2 + 10 % of the target amount towards C: 4 on a payment of 20.
        var network = new TestNetwork(3, new Random(13));
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);
        network.Apply(b, new ActionSetFeeSchedule(TestNetwork.TokenNetworkAddress, c.Address, new FeeSchedule(2, 100_000)));
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("mediator fee"), [new Route([b.Address, c.Address], 4)]);

        network.Apply(a, payment.Action);
        network.RunUntilQuiet();

        Assert.Equal(new EventPaymentSucceeded(TestNetwork.TokenNetworkAddress, 1, c.Address, 20, 4, payment.SecretHash), payment.Outcome(out _));
        Assert.Equal([new EventPaymentReceived(TestNetwork.TokenNetworkAddress, 1, a.Address, 20)], c.Events.OfType<EventPaymentReceived>());
        Assert.Equal((UInt256)76, a.Distributable(b));
        Assert.Equal((UInt256)24, b.Distributable(a));
        Assert.Equal((UInt256)60, b.Distributable(c));
        Assert.Equal((UInt256)20, c.Distributable(b));
        Assert.Equal(4, TokenFlows.Of(b).Of(payment.SecretHash));
        Assert.True(IsSettled(network), "a lock or a payment task is left");
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
    }

    [Fact]
    public void A_mediator_disposes_a_payment_whose_fee_is_too_low_and_the_initiator_fails_without_another_route()
    {
        // B wants 4; A offers 3.
        var network = new TestNetwork(3, new Random(14));
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 0);
        network.OpenChannel(b, c, 80, 0);
        network.Apply(b, new ActionSetFeeSchedule(TestNetwork.TokenNetworkAddress, c.Address, new FeeSchedule(2, 100_000)));
        var payment = new PlannedPayment(a, c, 1, 20, Keccak256.Hash("fee too low"), [new Route([b.Address, c.Address], 3)]);

        network.Apply(a, payment.Action);
        network.RunUntilQuiet();

        Assert.IsType<EventPaymentFailed>(payment.Outcome(out var outcomes));
        Assert.Equal(1, outcomes);
        Assert.DoesNotContain(a.Events, e => e is EventPaymentSucceeded);
        Assert.Empty(c.Events.OfType<EventPaymentReceived>());
        // B never forwarded: C saw nothing, and A holds B's Disposed proof for its lock.
        Assert.DoesNotContain(c.History, h => h.StateChange is ReceiveMessage);
        Assert.Single(a.ChannelWith(b).PartnerDisposals);
        Assert.Empty(a.ChannelWith(b).Our.Locks);
        Assert.Empty(b.ChannelWith(c).Our.Locks);
        Assert.Equal((UInt256)100, a.Distributable(b));
        Assert.Equal((UInt256)80, b.Distributable(c));
        Assert.True(IsSettled(network), "a lock or a payment task is left");
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
    }

    [Fact]
    public void A_target_whose_payer_does_not_unlock_registers_the_secret_in_the_danger_zone_and_is_paid_once_the_payer_unlocks()
    {
        var network = new TestNetwork(2, new Random(15));
        var (a, b) = (network["A"], network["B"]);
        network.OpenChannel(a, b, 100, 0);
        var payment = new PlannedPayment(a, b, 1, 20, Keccak256.Hash("target registers"), [new Route([b.Address], UInt256.Zero)]);
        network.Apply(a, payment.Action);
        // Transfer, Processed, SecretRequest, Delivered, RevealSecret: B knows the secret; then A's link goes
        // down before B's reveal (which would make A unlock) reaches it.
        while (b.State.Secrets.IsEmpty)
            Assert.True(network.DeliverNext(), "B never learned the secret");
        network.Disconnect(a);
        network.RunUntilQuiet();
        var hashTimeLock = Assert.Single(b.ChannelWith(a).Partner.Locks);
        var dangerZone = (ulong)hashTimeLock.Expiration - b.ChannelWith(a).RevealTimeout;

        // Before the danger zone B waits for the unlock; in its first block it registers the secret.
        while (network.Chain.BlockNumber < dangerZone - 1)
        {
            network.AdvanceBlocks(1);
            network.RetryAll();
            network.RunUntilQuiet();
        }
        Assert.DoesNotContain(b.Events, e => e is ContractSendSecretRegister);
        Assert.Empty(network.Chain.Transactions);
        network.AdvanceBlocks(1);
        Assert.Equal(dangerZone, network.Chain.BlockNumber);
        var register = Assert.Single(network.Chain.Transactions);
        Assert.Equal(b.Address, register.Sender);
        Assert.Equal(new ContractSendSecretRegister(payment.Secret, payment.SecretHash), register.Transaction);
        Assert.Equal(dangerZone, network.Chain.RegisteredSecrets[payment.SecretHash]);
        // The secret is on chain, so B can claim the lock whatever A does: for A the payment succeeded.
        Assert.IsType<EventPaymentSucceeded>(payment.Outcome(out _));
        Assert.Empty(b.Events.OfType<EventPaymentReceived>());

        network.Reconnect(a);
        network.RunUntilAcknowledged();

        Assert.Equal([new EventPaymentReceived(TestNetwork.TokenNetworkAddress, 1, a.Address, 20)], b.Events.OfType<EventPaymentReceived>());
        Assert.Empty(a.ChannelWith(b).Our.Locks);
        Assert.Equal((UInt256)80, a.Distributable(b));
        Assert.Equal((UInt256)20, b.Distributable(a));
        Assert.True(IsSettled(network), "a lock or a payment task is left");
        AssertViewsAgree(network);
        AssertTokensConserved(network);
        AssertNoNodeSignedAwayMoreThanItAgreedTo(network, [payment], out _);
        // A unlocked off-chain: the registration is the only transaction.
        Assert.Single(network.Chain.Transactions);
    }
}
