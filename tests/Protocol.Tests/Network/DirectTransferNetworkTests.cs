using Photon.Ethereum;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Network.NetworkInvariants;

namespace Photon.Protocol.Tests.Network;

/// <summary>Direct transfers between two nodes through the in-memory network: signed envelopes, acknowledgements, resends.</summary>
public sealed class DirectTransferNetworkTests
{
    private readonly TestNetwork _network = new(2, new Random(4));
    private readonly TestNode _a;
    private readonly TestNode _b;

    public DirectTransferNetworkTests()
    {
        _a = _network["A"];
        _b = _network["B"];
        _network.OpenChannel(_a, _b, 1_000, 500);
    }

    [Fact]
    public void A_and_B_pay_each_other_several_times_and_each_payment_is_sent_and_received_for_its_amount()
    {
        (TestNode Payer, TestNode Payee, ulong Amount)[] payments =
            [(_a, _b, 10), (_a, _b, 20), (_b, _a, 5), (_a, _b, 30), (_b, _a, 7)];
        for (var i = 0; i < payments.Length; i++)
        {
            var (payer, payee, amount) = payments[i];
            var paymentId = new UInt256((ulong)(100 + i));

            var sent = Pay(payer, payee, amount, paymentId);

            var message = Assert.Single(sent.Events.OfType<SendMessage>());
            Assert.Equal(payee.Address, message.Recipient);
            Assert.Equal(Message.PayloadOneofCase.DirectTransfer, message.Message.PayloadCase);
            Assert.Contains(new EventPaymentSent(TestNetwork.TokenNetworkAddress, paymentId, payee.Address, amount), sent.Events);

            _network.DeliverNext();

            Assert.Equal([new EventPaymentReceived(TestNetwork.TokenNetworkAddress, paymentId, payer.Address, amount)], payee.LastEvents.OfType<EventPaymentReceived>());
            var ack = Assert.Single(payee.LastEvents.OfType<SendMessage>());
            Assert.Equal(payer.Address, ack.Recipient);
            Assert.Equal(message.Message.MessageId, ack.Message.Processed.ProcessedMessageId);

            _network.DeliverNext();
            Assert.True(_network.IsQuiet);
        }

        // A paid 60 and received 12; B paid 12 and received 60.
        Assert.Equal(new UInt256(60), _a.ChannelWith(_b).Our.TransferredAmount);
        Assert.Equal(new UInt256(12), _b.ChannelWith(_a).Our.TransferredAmount);
        Assert.Equal(3UL, _a.ChannelWith(_b).Our.Nonce);
        Assert.Equal(2UL, _b.ChannelWith(_a).Our.Nonce);
        Assert.Equal(new UInt256(1_000 - 60 + 12), _a.Distributable(_b));
        Assert.Equal(new UInt256(500 - 12 + 60), _b.Distributable(_a));
        AssertViewsAgree(_network);
        AssertTokensConserved(_network);
        AssertReplays(_a);
        AssertReplays(_b);
    }

    [Fact]
    public void The_transfer_stays_in_the_outbox_until_its_Processed_arrives()
    {
        Pay(_a, _b, 10, 1);
        var id = Assert.Single(_a.State.Outbox.Keys);

        _network.DeliverNext();
        Assert.Equal([id], _a.State.Outbox.Keys);
        Assert.Equal(Message.PayloadOneofCase.Processed, Assert.Single(_network.InFlight).Kind);

        _network.DeliverNext();
        Assert.Empty(_a.State.Outbox);
    }

    [Fact]
    public void A_dropped_transfer_arrives_when_the_outbox_is_sent_again_byte_for_byte()
    {
        Pay(_a, _b, 10, 1);
        var original = _network.InFlight[0].Bytes;
        _network.Drop(0);
        _network.AdvanceBlocks(3);

        _network.Retry(_a);

        Assert.Equal(original, Assert.Single(_network.InFlight).Bytes);
        _network.RunUntilQuiet();
        Assert.Equal(new UInt256(10), _b.ChannelWith(_a).Partner.TransferredAmount);
        Assert.Empty(_a.State.Outbox);
        AssertViewsAgree(_network);
    }

    [Fact]
    public void A_lost_Processed_is_answered_again_when_the_transfer_is_resent()
    {
        Pay(_a, _b, 10, 1);
        _network.DeliverNext();
        _network.Drop(0);
        var before = _b.State;

        _network.Retry(_a);
        _network.DeliverNext();

        Assert.Equal(before, _b.State);
        Assert.Empty(_b.LastEvents.OfType<EventPaymentReceived>());
        Assert.Empty(_b.LastEvents.OfType<EventMessageRefused>());
        Assert.Equal(Message.PayloadOneofCase.Processed, Assert.Single(_network.InFlight).Kind);
        _network.DeliverNext();
        Assert.True(_network.IsQuiet);
    }

    [Fact]
    public void Several_transfers_in_flight_are_accepted_in_nonce_order_and_acknowledged_one_by_one()
    {
        Pay(_a, _b, 1, 1);
        Pay(_a, _b, 2, 2);
        Pay(_a, _b, 3, 3);
        Assert.Equal(3, _a.State.Outbox.Count);

        _network.RunUntilQuiet();

        Assert.Equal(new UInt256(6), _b.ChannelWith(_a).Partner.TransferredAmount);
        Assert.Equal([1UL, 2UL, 3UL], _b.Events.OfType<EventPaymentReceived>().Select(e => (ulong)e.Amount));
        AssertViewsAgree(_network);
    }

    [Fact]
    public void Transfers_crossing_on_the_wire_are_both_accepted()
    {
        Pay(_a, _b, 100, 1);
        Pay(_b, _a, 40, 2);

        _network.RunUntilQuiet();

        Assert.Equal(new UInt256(1_000 - 100 + 40), _a.Distributable(_b));
        AssertViewsAgree(_network);
        AssertTokensConserved(_network);
    }

    [Fact]
    public void A_payer_can_spend_exactly_its_whole_balance_and_the_payee_can_spend_it_back()
    {
        Pay(_a, _b, 1_000, 1);
        _network.RunUntilQuiet();
        Pay(_b, _a, 1_500, 2);
        _network.RunUntilQuiet();

        Assert.Empty(_a.Events.OfType<EventActionRefused>());
        Assert.Empty(_b.Events.OfType<EventActionRefused>());
        Assert.Equal(new UInt256(1_500), _a.Distributable(_b));
        Assert.Equal(UInt256.Zero, _b.Distributable(_a));
        AssertViewsAgree(_network);
        AssertTokensConserved(_network);
    }

    [Fact]
    public void A_Processed_from_someone_else_than_the_recipient_does_not_end_the_resending()
    {
        Pay(_a, _b, 10, 1);
        var id = _a.State.Outbox.Keys.Single();
        _network.Take(0);

        _network.Inject(TestNetwork.KeyOf(7), _a, new Message { Processed = new Processed { ProcessedMessageId = id } });
        _network.DeliverNext();

        Assert.True(_a.State.Outbox.ContainsKey(id), "a stranger's Processed removed the message from the outbox");
    }

    [Fact]
    public void Random_schedules_of_transfers_with_drops_duplicates_and_resends_end_agreed_and_replay_exactly()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var network = new TestNetwork(2, random);
            var (a, b) = (network["A"], network["B"]);
            network.OpenChannel(a, b, 300, 300);
            UInt256 paidByA = UInt256.Zero, paidByB = UInt256.Zero;
            for (var step = 0; step < 60; step++)
            {
                switch (random.Next(8))
                {
                    case 0 or 1:
                        var (payer, payee) = random.Next(2) == 0 ? (a, b) : (b, a);
                        var result = network.Apply(payer, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, payee.Address, (ulong)random.Next(1, 40), (ulong)step));
                        if (result.Events.OfType<EventPaymentSent>().SingleOrDefault() is { } sent)
                        {
                            if (payer == a)
                                paidByA += sent.Amount;
                            else
                                paidByB += sent.Amount;
                        }
                        break;
                    case 2 or 3:
                        network.DeliverRandom();
                        break;
                    case 4 when network.InFlight.Count > 0:
                        network.Drop(random.Next(network.InFlight.Count));
                        break;
                    case 5 when network.InFlight.Count > 0:
                        network.Duplicate(random.Next(network.InFlight.Count));
                        break;
                    case 6:
                        network.RetryAll();
                        break;
                    default:
                        network.AdvanceBlocks(1);
                        break;
                }
                AssertTokensConserved(network);
                AssertViewsConsistent(network);
            }
            network.RunUntilAcknowledged(randomOrder: true);

            AssertViewsAgree(network);
            Assert.Equal(paidByA, b.ChannelWith(a).Partner.TransferredAmount);
            Assert.Equal(paidByB, a.ChannelWith(b).Partner.TransferredAmount);
            // Every payment sent was received exactly once, whatever the wire did.
            Assert.Equal(a.Events.OfType<EventPaymentSent>().Select(e => (e.PaymentId, e.Amount)), b.Events.OfType<EventPaymentReceived>().Select(e => (e.PaymentId, e.Amount)));
            Assert.Equal(b.Events.OfType<EventPaymentSent>().Select(e => (e.PaymentId, e.Amount)), a.Events.OfType<EventPaymentReceived>().Select(e => (e.PaymentId, e.Amount)));
            AssertReplays(a);
            AssertReplays(b);
        }
    }

    private Machine.TransitionResult Pay(TestNode payer, TestNode payee, ulong amount, UInt256 paymentId) =>
        _network.Apply(payer, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, payee.Address, amount, paymentId));
}
