using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;
using static Photon.Protocol.Tests.Negotiation.NegotiationAssert;
using Payload = Photon.Protocol.Messages.Message.PayloadOneofCase;

namespace Photon.Protocol.Tests.Negotiation;

public sealed class CooperativeSettleTests
{
    private static ActionCooperativeSettle Settle(NegotiationPair pair, NegotiationNode node) => new(TokenNetwork, pair.Other(node).Address);

    /// <summary>Alice asks to settle; returns her CooperativeSettleRequest.</summary>
    private static Message Requested(NegotiationPair pair) => NegotiationNode.Sent(pair.Act(pair.Alice, Settle(pair, pair.Alice)), Payload.CooperativeSettleRequest);

    private static Message SentTransfer(NegotiationPair pair, NegotiationNode payer, ulong amount) =>
        NegotiationNode.Sent(pair.Act(payer, new ActionDirectTransfer(TokenNetwork, pair.Other(payer).Address, amount, 1)), Payload.DirectTransfer);

    /// <summary>Bob has paid Alice 100: the channel's split is no longer the deposits'.</summary>
    private static NegotiationPair AfterBobPaidAlice100()
    {
        var pair = NegotiationPair.Opened();
        Assert.Single(pair.Deliver(pair.Bob, SentTransfer(pair, pair.Bob, 100)).OfType<EventPaymentReceived>());
        return pair;
    }

    private static void AssertSignedByBoth(NegotiationPair pair, ContractSendCooperativeSettle submit)
    {
        var proof = new CooperativeSettleProof(submit.ChannelId, submit.Participant1, submit.Balance1, submit.Participant2, submit.Balance2);
        var domain = pair.Alice.Channel.Domain;
        Assert.True(proof.IsSignedBy(domain, submit.Signature1, submit.Participant1));
        Assert.True(proof.IsSignedBy(domain, submit.Signature2, submit.Participant2));
    }

    [Fact]
    public void A_cooperative_settlement_pays_each_side_its_balance_and_both_may_submit_it()
    {
        var pair = AfterBobPaidAlice100();

        var request = Requested(pair);
        var bobEvents = pair.Deliver(pair.Alice, request);
        var confirmation = NegotiationNode.Sent(bobEvents, Payload.CooperativeSettleConfirmation);
        var aliceEvents = pair.Deliver(pair.Bob, confirmation);

        var bobSubmits = Assert.Single(bobEvents.OfType<ContractSendCooperativeSettle>());
        var aliceSubmits = Assert.Single(aliceEvents.OfType<ContractSendCooperativeSettle>());
        Assert.Equal(aliceSubmits, bobSubmits);
        // The lower address comes first, whoever asks.
        Assert.True(pair.Bob.Address < pair.Alice.Address);
        Assert.Equal(
            new ContractSendCooperativeSettle(TokenNetwork, ChannelId, pair.Bob.Address, 900, pair.Alice.Address, 1_100, aliceSubmits.Signature1, aliceSubmits.Signature2),
            aliceSubmits);
        AssertSignedByBoth(pair, aliceSubmits);
        Assert.Equal(request.MessageId, NegotiationNode.Sent(bobEvents, Payload.Processed).Processed.ProcessedMessageId);
        Assert.Equal(confirmation.MessageId, NegotiationNode.Sent(aliceEvents, Payload.Processed).Processed.ProcessedMessageId);
    }

    [Fact]
    public void Settled_balances_add_up_to_what_the_channel_holds_after_withdrawals()
    {
        var pair = AfterBobPaidAlice100();
        pair.Chain(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block), pair.Block);

        var confirmation = NegotiationNode.Sent(pair.Deliver(pair.Alice, Requested(pair)), Payload.CooperativeSettleConfirmation);
        var submit = Assert.Single(pair.Deliver(pair.Bob, confirmation).OfType<ContractSendCooperativeSettle>());

        Assert.Equal(new UInt256(900), submit.Balance1);
        Assert.Equal(new UInt256(800), submit.Balance2);
    }

    [Fact]
    public void The_requester_is_frozen_as_soon_as_it_signs()
    {
        var pair = NegotiationPair.Opened();

        Requested(pair);

        var settlement = pair.Alice.Channel.CooperativeSettle;
        Assert.NotNull(settlement);
        Assert.True(settlement.Frozen);
        Assert.Null(settlement.PartnerSignature);
        Assert.False(pair.Alice.Channel.AcceptsTransfers);
        Assert.True(pair.Bob.Channel.AcceptsTransfers);
    }

    [Fact]
    public void A_frozen_requester_neither_pays_nor_accepts_a_payment()
    {
        var pair = NegotiationPair.Opened();
        Requested(pair);

        ActionRefused(pair.Alice, RefusalReason.ChannelFrozen, () => pair.Act(pair.Alice, new ActionDirectTransfer(TokenNetwork, pair.Bob.Address, 10, 1)));
        var transfer = SentTransfer(pair, pair.Bob, 10);
        MessageRefused(pair.Alice, RefusalReason.ChannelFrozen, () => pair.Deliver(pair.Bob, transfer));
    }

    [Fact]
    public void A_frozen_confirmer_neither_pays_nor_accepts_a_payment_that_was_in_flight()
    {
        var pair = NegotiationPair.Opened();
        // Signed by a copy of Alice that is never told about the settlement: a payment Bob must not take
        // once his signature can end the channel at the balances without it.
        var copy = new NegotiationNode(OurKey) { State = pair.Alice.State };
        var inFlight = NegotiationNode.Sent(copy.Apply(new ActionDirectTransfer(TokenNetwork, pair.Bob.Address, 10, 1), pair.Block), Payload.DirectTransfer);
        pair.Deliver(pair.Alice, Requested(pair));

        ActionRefused(pair.Bob, RefusalReason.ChannelFrozen, () => pair.Act(pair.Bob, new ActionDirectTransfer(TokenNetwork, pair.Alice.Address, 10, 1)));
        MessageRefused(pair.Bob, RefusalReason.ChannelFrozen, () => pair.Deliver(pair.Alice, inFlight));
    }

    [Fact]
    public void A_settlement_that_crossed_a_payment_is_refused_and_the_requester_stays_frozen()
    {
        var pair = NegotiationPair.Opened();
        SentTransfer(pair, pair.Bob, 10);

        MessageRefused(pair.Bob, RefusalReason.BalanceMismatch, () => pair.Deliver(pair.Alice, Requested(pair)));
        Assert.False(pair.Alice.Channel.AcceptsTransfers);
    }

    [Fact]
    public void Refuses_to_request_a_settlement_of_an_unknown_channel()
    {
        var pair = NegotiationPair.Opened();

        ActionRefused(pair.Alice, RefusalReason.UnknownChannel, () => pair.Act(pair.Alice, new ActionCooperativeSettle(TokenNetwork, StrangerKey.Address)));
    }

    [Fact]
    public void Refuses_to_request_a_settlement_of_a_closed_channel()
    {
        var pair = NegotiationPair.Opened();
        pair.Alice.SetChannel(pair.Alice.Channel with { Status = ChannelStatus.Closed });

        ActionRefused(pair.Alice, RefusalReason.ChannelNotOpened, () => pair.Act(pair.Alice, Settle(pair, pair.Alice)));
    }

    [Fact]
    public void Refuses_to_request_a_settlement_with_a_pending_lock_of_ours()
    {
        var pair = NegotiationPair.Opened();
        pair.AliceLocks(Lock(1, 100));

        ActionRefused(pair.Alice, RefusalReason.Conflict, () => pair.Act(pair.Alice, Settle(pair, pair.Alice)));
    }

    [Fact]
    public void Refuses_to_request_a_settlement_with_a_pending_lock_of_the_partner()
    {
        var pair = NegotiationPair.Opened();
        pair.AliceLocks(Lock(1, 100));

        ActionRefused(pair.Bob, RefusalReason.Conflict, () => pair.Act(pair.Bob, Settle(pair, pair.Bob)));
    }

    [Fact]
    public void Refuses_to_request_a_settlement_while_a_withdraw_is_negotiated()
    {
        var pair = NegotiationPair.Opened();
        pair.Act(pair.Alice, new ActionWithdraw(TokenNetwork, pair.Bob.Address, 100, 20));

        ActionRefused(pair.Alice, RefusalReason.Conflict, () => pair.Act(pair.Alice, Settle(pair, pair.Alice)));
    }

    [Fact]
    public void Refuses_to_request_a_second_settlement()
    {
        var pair = NegotiationPair.Opened();
        Requested(pair);

        ActionRefused(pair.Alice, RefusalReason.Conflict, () => pair.Act(pair.Alice, Settle(pair, pair.Alice)));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_with_forged_signature()
    {
        var pair = NegotiationPair.Opened();
        var forged = CraftedMessages.SettleRequest(1, pair.Bob.Address, 1_000, pair.Alice.Address, 1_000, StrangerKey);

        MessageRefused(pair.Bob, RefusalReason.InvalidProofSignature, () => pair.Deliver(pair.Alice, forged));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_whose_signature_covers_other_balances()
    {
        var pair = NegotiationPair.Opened();
        var altered = Requested(pair).Clone();
        // Alice signed 1,000 each; the message now claims 1,000 each the other way round.
        altered.CooperativeSettleRequest.Participant1 = WireValues.Encode(pair.Alice.Address);
        altered.CooperativeSettleRequest.Participant2 = WireValues.Encode(pair.Bob.Address);

        MessageRefused(pair.Bob, RefusalReason.InvalidProofSignature, () => pair.Deliver(pair.Alice, altered));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_with_balances_other_than_ours()
    {
        var pair = NegotiationPair.Opened();
        var greedy = CraftedMessages.SettleRequest(1, pair.Bob.Address, 999, pair.Alice.Address, 1_001, OurKey);

        MessageRefused(pair.Bob, RefusalReason.BalanceMismatch, () => pair.Deliver(pair.Alice, greedy));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_naming_another_participant()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.SettleRequest(1, pair.Bob.Address, 1_000, StrangerKey.Address, 1_000, OurKey);

        MessageRefused(pair.Bob, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_from_anyone_but_the_partner()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.SettleRequest(1, pair.Bob.Address, 1_000, pair.Alice.Address, 1_000, StrangerKey);

        MessageRefused(pair.Bob, RefusalReason.NotFromPartner, () => pair.DeliverSignedBy(StrangerKey, pair.Bob, request));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_with_a_pending_lock()
    {
        var pair = NegotiationPair.Opened();
        pair.AliceLocks(Lock(1, 100));
        var request = CraftedMessages.SettleRequest(1, pair.Bob.Address, 1_000, pair.Alice.Address, 1_000, OurKey);

        MessageRefused(pair.Bob, RefusalReason.Conflict, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_while_a_withdraw_is_negotiated()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair);
        pair.Act(pair.Bob, new ActionWithdraw(TokenNetwork, pair.Alice.Address, 100, 20));

        MessageRefused(pair.Bob, RefusalReason.Conflict, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_in_a_closed_channel()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair);
        pair.Bob.SetChannel(pair.Bob.Channel with { Status = ChannelStatus.Closed });

        MessageRefused(pair.Bob, RefusalReason.ChannelNotOpened, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_cooperative_settle_request_other_than_the_settlement_it_signed()
    {
        var pair = NegotiationPair.Opened();
        pair.Act(pair.Bob, Settle(pair, pair.Bob));
        // The same balances in the other order: a valid settlement, but not the one Bob signed.
        var reordered = CraftedMessages.SettleRequest(1, pair.Alice.Address, 1_000, pair.Bob.Address, 1_000, OurKey);

        MessageRefused(pair.Bob, RefusalReason.Conflict, () => pair.Deliver(pair.Alice, reordered));
    }

    [Fact]
    public void Accepts_a_request_with_the_participants_in_either_order()
    {
        var pair = AfterBobPaidAlice100();
        var request = CraftedMessages.SettleRequest(1, pair.Alice.Address, 1_100, pair.Bob.Address, 900, OurKey);

        var submit = Assert.Single(pair.Deliver(pair.Alice, request).OfType<ContractSendCooperativeSettle>());

        Assert.Equal(pair.Alice.Address, submit.Participant1);
        Assert.Equal(new UInt256(1_100), submit.Balance1);
        AssertSignedByBoth(pair, submit);
    }

    [Fact]
    public void A_resent_request_is_acknowledged_again_and_submitted_only_once()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair);
        var confirmation = NegotiationNode.Sent(pair.Deliver(pair.Alice, request), Payload.CooperativeSettleConfirmation);
        var afterFirst = pair.Bob.State;

        var again = pair.Deliver(pair.Alice, request);

        var ack = Assert.IsType<SendMessage>(Assert.Single(again));
        Assert.Equal(request.MessageId, ack.Message.Processed.ProcessedMessageId);
        Assert.Equal(afterFirst, pair.Bob.State);
        Assert.Equal(confirmation, pair.Bob.State.Outbox[confirmation.MessageId].Message);
    }

    [Fact]
    public void Crossing_requests_complete_each_other()
    {
        var pair = AfterBobPaidAlice100();
        var aliceRequest = Requested(pair);
        var bobRequest = NegotiationNode.Sent(pair.Act(pair.Bob, Settle(pair, pair.Bob)), Payload.CooperativeSettleRequest);

        var bobEvents = pair.Deliver(pair.Alice, aliceRequest);
        var aliceEvents = pair.Deliver(pair.Bob, bobRequest);

        var bobSubmits = Assert.Single(bobEvents.OfType<ContractSendCooperativeSettle>());
        var aliceSubmits = Assert.Single(aliceEvents.OfType<ContractSendCooperativeSettle>());
        Assert.Equal(aliceSubmits, bobSubmits);
        AssertSignedByBoth(pair, aliceSubmits);
        Assert.Equal(Payload.Processed, Assert.Single(aliceEvents.OfType<SendMessage>()).Message.PayloadCase);
        Assert.Equal(Payload.Processed, Assert.Single(bobEvents.OfType<SendMessage>()).Message.PayloadCase);
    }

    [Fact]
    public void Rejects_cooperative_settle_confirmation_with_forged_signature()
    {
        var pair = NegotiationPair.Opened();
        Requested(pair);
        var forged = CraftedMessages.SettleConfirmation(1, pair.Bob.Address, 1_000, pair.Alice.Address, 1_000, StrangerKey);

        MessageRefused(pair.Alice, RefusalReason.InvalidProofSignature, () => pair.Deliver(pair.Bob, forged));
    }

    [Fact]
    public void Rejects_cooperative_settle_confirmation_it_did_not_ask_for()
    {
        var pair = NegotiationPair.Opened();
        var unasked = CraftedMessages.SettleConfirmation(1, pair.Bob.Address, 1_000, pair.Alice.Address, 1_000, PartnerKey);

        MessageRefused(pair.Alice, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Bob, unasked));
    }

    [Fact]
    public void Rejects_cooperative_settle_confirmation_of_other_balances()
    {
        var pair = NegotiationPair.Opened();
        Requested(pair);
        var other = CraftedMessages.SettleConfirmation(1, pair.Bob.Address, 1_001, pair.Alice.Address, 999, PartnerKey);

        MessageRefused(pair.Alice, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Bob, other));
    }

    [Fact]
    public void A_resent_confirmation_is_acknowledged_again_and_submitted_only_once()
    {
        var pair = NegotiationPair.Opened();
        var confirmation = NegotiationNode.Sent(pair.Deliver(pair.Alice, Requested(pair)), Payload.CooperativeSettleConfirmation);
        Assert.Single(pair.Deliver(pair.Bob, confirmation).OfType<ContractSendCooperativeSettle>());
        var afterFirst = pair.Alice.State;

        var again = pair.Deliver(pair.Bob, confirmation);

        var ack = Assert.IsType<SendMessage>(Assert.Single(again));
        Assert.Equal(confirmation.MessageId, ack.Message.Processed.ProcessedMessageId);
        Assert.Equal(afterFirst, pair.Alice.State);
    }
}
