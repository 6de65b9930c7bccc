using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using static Photon.Protocol.Tests.Network.NetworkInvariants;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// Every way a direct transfer (or the action that makes one) is refused: a refusal value with its
/// reason, no state change, and an acknowledgement only for a message already processed.
/// </summary>
/// <remarks>
/// A and B share channel 1 (1,000 each) and A has already paid B 10 (nonce 1). B and C share channel 2.
/// Each test takes A's next genuine transfer (5, nonce 2) off the wire and sends B a variant of it.
/// </remarks>
public sealed class DirectTransferRefusalTests
{
    private static readonly PrivateKey Stranger = TestNetwork.KeyOf(20);

    private readonly TestNetwork _network = new(3, new Random(5));
    private readonly TestNode _a;
    private readonly TestNode _b;
    private readonly TestNode _c;
    private readonly Message _next;

    public DirectTransferRefusalTests()
    {
        (_a, _b, _c) = (_network["A"], _network["B"], _network["C"]);
        _network.OpenChannel(_a, _b, 1_000, 1_000);
        _network.OpenChannel(_b, _c, 1_000, 1_000);
        Pay(_a, _b, 10);
        _network.RunUntilQuiet();
        Pay(_a, _b, 5);
        _next = TestNetwork.Parse(_network.Take(0));
        Assert.Equal(2UL, _next.DirectTransfer.BalanceProof.Nonce);
    }

    [Fact]
    public void The_genuine_next_transfer_is_accepted()
    {
        // The baseline every refusal below changes one thing of.
        _network.Inject(_a.Key, _b, _next);
        _network.DeliverNext();

        Assert.Equal(new UInt256(15), _b.ChannelWith(_a).Partner.TransferredAmount);
        Assert.Single(_b.LastEvents.OfType<EventPaymentReceived>());
    }

    [Fact]
    public void Rejects_a_balance_proof_signed_by_someone_else_than_the_partner()
    {
        var forged = MessageForge.Reseal(_next, Stranger, _ => { });

        AssertRefused(forged, _a.Key, RefusalReason.InvalidSignature);
    }

    [Fact]
    public void Rejects_a_balance_proof_whose_signature_does_not_cover_the_message_it_came_in()
    {
        // The proof's additional hash binds the payment id: changing it voids the partner's signature.
        var altered = MessageForge.Alter(_next, m => m.DirectTransfer.PaymentId = WireValues.Encode(new UInt256(999)));

        AssertRefused(altered, _a.Key, RefusalReason.InvalidSignature);
    }

    [Fact]
    public void Rejects_the_partners_genuine_transfer_in_an_envelope_signed_by_a_stranger()
    {
        AssertRefused(_next, Stranger, RefusalReason.NotFromPartner);
    }

    [Fact]
    public void Rejects_the_partners_genuine_transfer_relayed_by_another_channel_partner()
    {
        AssertRefused(_next, _c.Key, RefusalReason.NotFromPartner);
    }

    [Fact]
    public void Rejects_a_transfer_for_another_chain()
    {
        var forged = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.Channel.ChainId = 1);

        AssertRefused(forged, _a.Key, RefusalReason.WrongChainId);
    }

    [Fact]
    public void Rejects_a_transfer_for_an_unknown_token_network()
    {
        var other = Address.Parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
        var forged = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.Channel.TokenNetwork = WireValues.Encode(other));

        AssertRefused(forged, _a.Key, RefusalReason.WrongTokenNetwork);
    }

    [Fact]
    public void Rejects_a_transfer_for_an_unknown_channel_id()
    {
        var forged = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.Channel.ChannelId = WireValues.Encode(new UInt256(99)));

        AssertRefused(forged, _a.Key, RefusalReason.WrongChannelId);
    }

    [Fact]
    public void Rejects_a_transfer_naming_a_channel_of_the_recipient_with_someone_else()
    {
        // Channel 2 is B's with C: A is not its partner there.
        var forged = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.Channel.ChannelId = WireValues.Encode(new UInt256(2)));

        AssertRefused(forged, _a.Key, RefusalReason.NotFromPartner);
    }

    [Fact]
    public void Acknowledges_a_different_proof_with_a_stale_nonce_again_and_changes_nothing()
    {
        // Nonce 1 again, claiming 500: B keeps the proof it accepted and only repeats its Processed.
        var stale = MessageForge.Reseal(_next, _a.Key, m =>
        {
            m.DirectTransfer.BalanceProof.Nonce = 1;
            m.DirectTransfer.BalanceProof.TransferredAmount = WireValues.Encode(new UInt256(500));
        });

        AssertRefused(stale, _a.Key, RefusalReason.WrongNonce, acknowledged: true);
    }

    [Fact]
    public void Rejects_a_transfer_that_skips_a_nonce()
    {
        var skipping = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.Nonce = 3);

        AssertRefused(skipping, _a.Key, RefusalReason.WrongNonce);
    }

    [Fact]
    public void Rejects_a_transfer_beyond_what_the_partner_can_pay()
    {
        // A deposited 1,000 and received nothing: a total of 1,001 transferred is more than it holds.
        var greedy = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.TransferredAmount = WireValues.Encode(new UInt256(1_001)));

        AssertRefused(greedy, _a.Key, RefusalReason.InsufficientCapacity);
    }

    [Fact]
    public void Accepts_a_transfer_of_exactly_what_the_partner_can_pay()
    {
        // The positive side of the capacity rule above.
        var all = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.TransferredAmount = WireValues.Encode(new UInt256(1_000)));
        _network.Inject(_a.Key, _b, all);
        _network.DeliverNext();

        Assert.Equal(new EventPaymentReceived(TestNetwork.TokenNetworkAddress, 2, _a.Address, 990), Assert.Single(_b.LastEvents.OfType<EventPaymentReceived>()));
    }

    [Fact]
    public void Rejects_a_transfer_that_pays_nothing()
    {
        var empty = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.TransferredAmount = WireValues.Encode(new UInt256(10)));

        AssertRefused(empty, _a.Key, RefusalReason.ZeroAmount);
    }

    [Fact]
    public void Rejects_a_direct_transfer_that_also_claims_a_locked_amount()
    {
        var locking = MessageForge.Reseal(_next, _a.Key, m => m.DirectTransfer.BalanceProof.LockedAmount = WireValues.Encode(new UInt256(5)));

        AssertRefused(locking, _a.Key, RefusalReason.LockedAmountMismatch);
    }

    [Fact]
    public void Rejects_a_transfer_without_a_balance_proof()
    {
        var bare = MessageForge.Alter(_next, m => m.DirectTransfer.BalanceProof = null);

        AssertRefused(bare, _a.Key, RefusalReason.InvalidMessage);
    }

    [Fact]
    public void Acknowledges_a_duplicated_transfer_again_without_paying_twice()
    {
        _network.Inject(_a.Key, _b, _next);
        _network.Duplicate(0);
        _network.DeliverNext();
        var afterFirst = _b.State;
        Assert.Single(_b.LastEvents.OfType<EventPaymentReceived>());

        _network.DeliverNext();

        Assert.True(afterFirst.Equals(_b.State), "the duplicate changed B's state");
        var ack = Assert.Single(_b.LastEvents);
        Assert.Equal(new SendMessage(_a.Address, new Message { Processed = new Processed { ProcessedMessageId = _next.MessageId } }), ack);
        Assert.Equal(2, _b.Events.OfType<EventPaymentReceived>().Count());
    }

    [Fact]
    public void Drops_an_envelope_whose_signature_does_not_open_before_the_node_sees_it()
    {
        var bytes = TestNetwork.Seal(_next, _a.Key);
        bytes[^1] = 40; // v ∉ {27, 28}
        var history = _b.History.Count;

        _network.InjectBytes(_a.Address, _b, bytes);
        _network.DeliverNext();

        Assert.Single(_network.RejectedEnvelopes);
        Assert.Equal(history, _b.History.Count);
    }

    [Fact]
    public void Refuses_an_action_paying_more_than_the_distributable_balance()
    {
        // A holds 1,000 − 15 = 985 (its second transfer is signed, though not yet delivered).
        AssertActionRefused(new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, _b.Address, 986, 7), RefusalReason.InsufficientCapacity);
        var paid = _network.Apply(_a, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, _b.Address, 985, 8));
        Assert.Single(paid.Events.OfType<EventPaymentSent>());
    }

    [Fact]
    public void Refuses_an_action_paying_zero()
    {
        AssertActionRefused(new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, _b.Address, 0, 7), RefusalReason.ZeroAmount);
    }

    [Fact]
    public void Refuses_an_action_paying_someone_without_a_channel()
    {
        AssertActionRefused(new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, _c.Address, 1, 7), RefusalReason.UnknownChannel);
    }

    [Fact]
    public void Refuses_an_action_in_an_unknown_token_network()
    {
        var other = Address.Parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
        AssertActionRefused(new ActionDirectTransfer(other, _b.Address, 1, 7), RefusalReason.UnknownChannel);
    }

    private void Pay(TestNode payer, TestNode payee, ulong amount) =>
        _network.Apply(payer, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, payee.Address, amount, payer.State.NextMessageId));

    /// <summary>
    /// Sends <paramref name="message"/> to B in an envelope by <paramref name="envelopeSigner"/>: B must refuse it
    /// for <paramref name="reason"/>, change nothing, pay nothing, and acknowledge only when told.
    /// </summary>
    private void AssertRefused(Message message, PrivateKey envelopeSigner, RefusalReason reason, bool acknowledged = false)
    {
        var before = _b.State;
        _network.Inject(envelopeSigner, _b, message);
        _network.DeliverNext();

        Assert.True(before.Equals(_b.State), "the refused message changed B's state");
        var refused = Assert.Single(_b.LastEvents.OfType<EventMessageRefused>());
        Assert.Equal(reason, refused.Refusal.Reason);
        Assert.Equal(envelopeSigner.Address, refused.Sender);
        Assert.Equal(message.MessageId, refused.MessageId);
        Assert.False(string.IsNullOrWhiteSpace(refused.Refusal.Message));
        Assert.Empty(_b.LastEvents.OfType<EventPaymentReceived>());
        var replies = _b.LastEvents.OfType<SendMessage>().ToList();
        if (acknowledged)
            Assert.Equal([new SendMessage(envelopeSigner.Address, new Message { Processed = new Processed { ProcessedMessageId = message.MessageId } })], replies);
        else
            Assert.Empty(replies);
        Assert.Equal(acknowledged ? 2 : 1, _b.LastEvents.Count);
        AssertTokensConserved(_network);
    }

    private void AssertActionRefused(ActionDirectTransfer action, RefusalReason reason)
    {
        var before = _a.State;
        var inFlight = _network.InFlight.Count;

        var result = _network.Apply(_a, action);

        Assert.True(before.Equals(_a.State), "the refused action changed A's state");
        var refused = Assert.IsType<EventActionRefused>(Assert.Single(result.Events));
        Assert.Equal(action, refused.Action);
        Assert.Equal(reason, refused.Refusal.Reason);
        Assert.Equal(inFlight, _network.InFlight.Count);
    }
}
