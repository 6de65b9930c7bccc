using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.Negotiation;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;
using static Photon.Protocol.Tests.Negotiation.NegotiationAssert;
using Payload = Photon.Protocol.Messages.Message.PayloadOneofCase;

namespace Photon.Protocol.Tests.Negotiation;

public sealed class WithdrawTests
{
    private const ulong ValidBlocks = 20;

    private static ActionWithdraw Withdraw(NegotiationPair pair, NegotiationNode node, ulong total, ulong validBlocks = ValidBlocks) =>
        new(TokenNetwork, pair.Other(node).Address, total, validBlocks);

    /// <summary>Alice asks to withdraw <paramref name="total"/>; returns her WithdrawRequest.</summary>
    private static Message Requested(NegotiationPair pair, ulong total)
    {
        var events = pair.Act(pair.Alice, Withdraw(pair, pair.Alice, total));
        return NegotiationNode.Sent(events, Payload.WithdrawRequest);
    }

    /// <summary>Alice asks to withdraw <paramref name="total"/> and Bob confirms; returns Bob's WithdrawConfirmation.</summary>
    private static Message Confirmed(NegotiationPair pair, ulong total)
    {
        var events = pair.Deliver(pair.Alice, Requested(pair, total));
        return NegotiationNode.Sent(events, Payload.WithdrawConfirmation);
    }

    private static ContractSendChannelWithdraw Submitted(NegotiationPair pair, ulong total)
    {
        var events = pair.Deliver(pair.Bob, Confirmed(pair, total));
        return Assert.Single(events.OfType<ContractSendChannelWithdraw>());
    }

    private static IReadOnlyList<Event> Transfer(NegotiationPair pair, NegotiationNode payer, ulong amount) =>
        pair.Act(payer, new ActionDirectTransfer(TokenNetwork, pair.Other(payer).Address, amount, 1));

    [Fact]
    public void A_negotiated_withdraw_is_submitted_once_by_the_withdrawer_with_both_signatures()
    {
        var pair = NegotiationPair.Opened();

        var requestEvents = pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 300));
        var request = Assert.Single(requestEvents.OfType<SendMessage>());
        Assert.Equal(pair.Bob.Address, request.Recipient);
        var confirmEvents = pair.Deliver(pair.Alice, request.Message);
        var confirmation = NegotiationNode.Sent(confirmEvents, Payload.WithdrawConfirmation);
        Assert.Equal(request.Message.MessageId, NegotiationNode.Sent(confirmEvents, Payload.Processed).Processed.ProcessedMessageId);
        var submitEvents = pair.Deliver(pair.Bob, confirmation);

        var submit = Assert.Single(submitEvents.OfType<ContractSendChannelWithdraw>());
        Assert.Equal(new ContractSendChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block + ValidBlocks, submit.ParticipantSignature, submit.PartnerSignature), submit);
        var proof = new WithdrawProof(ChannelId, pair.Alice.Address, 300, pair.Block + ValidBlocks);
        var domain = pair.Alice.Channel.Domain;
        Assert.True(proof.IsSignedBy(domain, submit.ParticipantSignature, pair.Alice.Address));
        Assert.True(proof.IsSignedBy(domain, submit.PartnerSignature, pair.Bob.Address));
        Assert.Equal(confirmation.MessageId, NegotiationNode.Sent(submitEvents, Payload.Processed).Processed.ProcessedMessageId);
    }

    [Fact]
    public void Both_nodes_reserve_the_withdrawn_amount_while_the_withdraw_may_land()
    {
        var pair = NegotiationPair.Opened();

        Confirmed(pair, 300);

        Assert.Equal(new UInt256(300), pair.Alice.Channel.Our.TotalWithdraw);
        Assert.Equal(new UInt256(300), pair.Bob.Channel.Partner.TotalWithdraw);
        Assert.Equal(new WithdrawState(pair.Alice.Address, 300, pair.Block + ValidBlocks, pair.Alice.Channel.Withdraw!.ParticipantSignature, null, 0, pair.Alice.Channel.Withdraw.MessageId), pair.Alice.Channel.Withdraw);
        Assert.Equal(pair.Alice.Channel.Withdraw!.ParticipantSignature, pair.Bob.Channel.Withdraw!.ParticipantSignature);
        Assert.NotNull(pair.Bob.Channel.Withdraw.PartnerSignature);
    }

    [Fact]
    public void The_withdrawer_cannot_spend_the_reserved_amount()
    {
        var pair = NegotiationPair.Opened();
        Requested(pair, 800);

        ActionRefused(pair.Alice, RefusalReason.InsufficientCapacity, () => Transfer(pair, pair.Alice, 201));
        Assert.Single(Transfer(pair, pair.Alice, 200).OfType<EventPaymentSent>());
    }

    [Fact]
    public void The_partner_refuses_a_transfer_that_spends_an_amount_it_agreed_may_be_withdrawn()
    {
        var pair = NegotiationPair.Opened();
        var stale = pair.Alice.State;
        Confirmed(pair, 800);
        // A copy of Alice from before her request pays as if nothing were withdrawn.
        var cheat = new NegotiationNode(OurKey) { State = stale };
        var transfer = NegotiationNode.Sent(cheat.Apply(new ActionDirectTransfer(TokenNetwork, pair.Bob.Address, 300, 1), pair.Block), Payload.DirectTransfer);

        MessageRefused(pair.Bob, RefusalReason.InsufficientCapacity, () => pair.Deliver(pair.Alice, transfer));
    }

    [Fact]
    public void A_withdraw_may_take_what_the_partner_paid()
    {
        var pair = NegotiationPair.Opened();
        pair.Forward(pair.Bob, Transfer(pair, pair.Bob, 500), Payload.DirectTransfer);

        var submit = Submitted(pair, 1_500);

        Assert.Equal(new UInt256(1_500), submit.TotalWithdraw);
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_beyond_what_we_own()
    {
        var pair = NegotiationPair.Opened();
        pair.Forward(pair.Bob, Transfer(pair, pair.Bob, 500), Payload.DirectTransfer);

        ActionRefused(pair.Alice, RefusalReason.InsufficientCapacity, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 1_501)));
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_of_an_amount_locked_in_a_pending_transfer()
    {
        var pair = NegotiationPair.Opened();
        pair.AliceLocks(Lock(1, 100));

        ActionRefused(pair.Alice, RefusalReason.InsufficientCapacity, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 901)));
        Assert.Single(pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 900)).OfType<SendMessage>());
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_in_an_unknown_channel()
    {
        var pair = NegotiationPair.Opened();

        ActionRefused(pair.Alice, RefusalReason.UnknownChannel, () => pair.Act(pair.Alice, new ActionWithdraw(TokenNetwork, StrangerKey.Address, 100, ValidBlocks)));
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_in_a_closed_channel()
    {
        var pair = NegotiationPair.Opened();
        pair.Alice.SetChannel(pair.Alice.Channel with { Status = ChannelStatus.Closed });

        ActionRefused(pair.Alice, RefusalReason.ChannelNotOpened, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 100)));
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_once_it_signed_a_cooperative_settlement()
    {
        var pair = NegotiationPair.Opened();
        pair.Act(pair.Alice, new ActionCooperativeSettle(TokenNetwork, pair.Bob.Address));

        ActionRefused(pair.Alice, RefusalReason.ChannelFrozen, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 100)));
    }

    [Fact]
    public void Refuses_to_request_a_total_not_above_the_current_one()
    {
        var pair = NegotiationPair.Opened();
        Submitted(pair, 300);
        pair.Chain(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block), pair.Block);

        ActionRefused(pair.Alice, RefusalReason.InvalidAction, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 300)));
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_while_one_is_being_negotiated()
    {
        var pair = NegotiationPair.Opened();
        Requested(pair, 100);

        ActionRefused(pair.Alice, RefusalReason.Conflict, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 200)));
    }

    [Fact]
    public void Refuses_to_request_a_withdraw_while_the_partners_is_being_negotiated()
    {
        var pair = NegotiationPair.Opened();
        pair.Forward(pair.Bob, pair.Act(pair.Bob, Withdraw(pair, pair.Bob, 100)), Payload.WithdrawRequest);

        ActionRefused(pair.Alice, RefusalReason.Conflict, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 200)));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(SettleTimeout + 1)]
    public void Refuses_to_request_a_withdraw_valid_for_no_block_or_beyond_the_settle_timeout(ulong validBlocks)
    {
        var pair = NegotiationPair.Opened();

        ActionRefused(pair.Alice, RefusalReason.InvalidAction, () => pair.Act(pair.Alice, Withdraw(pair, pair.Alice, 100, validBlocks)));
    }

    [Fact]
    public void Rejects_withdraw_request_with_forged_signature()
    {
        var pair = NegotiationPair.Opened();
        var forged = Requested(pair, 300).Clone();
        forged.WithdrawRequest.ParticipantSignature = WireValues.Encode(
            new WithdrawProof(ChannelId, pair.Alice.Address, 300, pair.Block + ValidBlocks).Sign(StrangerKey, CraftedMessages.Domain));

        MessageRefused(pair.Bob, RefusalReason.InvalidProofSignature, () => pair.Deliver(pair.Alice, forged));
    }

    [Fact]
    public void Rejects_withdraw_request_whose_signature_covers_another_total()
    {
        var pair = NegotiationPair.Opened();
        var raised = Requested(pair, 300).Clone();
        raised.WithdrawRequest.TotalWithdraw = WireValues.Encode(new UInt256(301));

        MessageRefused(pair.Bob, RefusalReason.InvalidProofSignature, () => pair.Deliver(pair.Alice, raised));
    }

    [Fact]
    public void Rejects_withdraw_request_from_anyone_but_the_partner()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.Request(1, StrangerKey.Address, 100, pair.Block + ValidBlocks, StrangerKey);

        MessageRefused(pair.Bob, RefusalReason.NotFromPartner, () => pair.DeliverSignedBy(StrangerKey, pair.Bob, request));
    }

    [Fact]
    public void Rejects_withdraw_request_naming_another_participant_than_its_sender()
    {
        var pair = NegotiationPair.Opened();
        // Alice asks Bob to sign a withdraw of Bob's, which Bob alone may ask for.
        var request = CraftedMessages.Request(1, pair.Bob.Address, 100, pair.Block + ValidBlocks, OurKey);

        MessageRefused(pair.Bob, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_withdraw_request_for_an_unknown_channel()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.Request(1, pair.Alice.Address, 100, pair.Block + ValidBlocks, OurKey, channelId: ChannelId + 1);

        MessageRefused(pair.Bob, RefusalReason.WrongChannelId, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_expired_withdraw_request()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.Request(1, pair.Alice.Address, 100, pair.Block, OurKey);

        MessageRefused(pair.Bob, RefusalReason.InvalidExpiration, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_withdraw_request_expiring_beyond_the_settle_timeout()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.Request(1, pair.Alice.Address, 100, pair.Block + SettleTimeout + 1, OurKey);

        MessageRefused(pair.Bob, RefusalReason.InvalidExpiration, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_withdraw_request_beyond_what_the_partner_owns()
    {
        var pair = NegotiationPair.Opened();
        var request = CraftedMessages.Request(1, pair.Alice.Address, 1_001, pair.Block + ValidBlocks, OurKey);

        MessageRefused(pair.Bob, RefusalReason.InsufficientCapacity, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_withdraw_request_not_above_the_partners_total()
    {
        var pair = NegotiationPair.Opened();
        Submitted(pair, 300);
        pair.Chain(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block), pair.Block);
        var request = CraftedMessages.Request(99, pair.Alice.Address, 300, pair.Block + ValidBlocks, OurKey);

        MessageRefused(pair.Bob, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_withdraw_request_while_its_own_is_being_negotiated()
    {
        var pair = NegotiationPair.Opened();
        pair.Act(pair.Bob, Withdraw(pair, pair.Bob, 100));
        var request = Requested(pair, 200);

        MessageRefused(pair.Bob, RefusalReason.Conflict, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void Rejects_withdraw_request_once_it_signed_a_cooperative_settlement()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair, 200);
        pair.Act(pair.Bob, new ActionCooperativeSettle(TokenNetwork, pair.Alice.Address));

        MessageRefused(pair.Bob, RefusalReason.ChannelFrozen, () => pair.Deliver(pair.Alice, request));
    }

    [Fact]
    public void A_resent_request_is_acknowledged_again_without_a_second_reservation_or_confirmation()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair, 300);
        var confirmation = NegotiationNode.Sent(pair.Deliver(pair.Alice, request), Payload.WithdrawConfirmation);
        var afterFirst = pair.Bob.State;

        var again = pair.Deliver(pair.Alice, request);

        var ack = Assert.IsType<SendMessage>(Assert.Single(again));
        Assert.Equal(request.MessageId, ack.Message.Processed.ProcessedMessageId);
        Assert.Equal(afterFirst, pair.Bob.State);
        Assert.Equal(confirmation, pair.Bob.State.Outbox[confirmation.MessageId].Message);
        Assert.Equal(new UInt256(300), pair.Bob.Channel.Partner.TotalWithdraw);
    }

    [Fact]
    public void Rejects_withdraw_confirmation_with_forged_signature()
    {
        var pair = NegotiationPair.Opened();
        var forged = Confirmed(pair, 300).Clone();
        forged.WithdrawConfirmation.PartnerSignature = WireValues.Encode(
            new WithdrawProof(ChannelId, pair.Alice.Address, 300, pair.Block + ValidBlocks).Sign(StrangerKey, CraftedMessages.Domain));

        MessageRefused(pair.Alice, RefusalReason.InvalidProofSignature, () => pair.Deliver(pair.Bob, forged));
    }

    [Fact]
    public void Rejects_withdraw_confirmation_of_a_withdraw_it_did_not_ask_for()
    {
        var pair = NegotiationPair.Opened();
        var other = Confirmed(pair, 300).Clone();
        other.WithdrawConfirmation.TotalWithdraw = WireValues.Encode(new UInt256(200));
        other.WithdrawConfirmation.PartnerSignature = WireValues.Encode(
            new WithdrawProof(ChannelId, pair.Alice.Address, 200, pair.Block + ValidBlocks).Sign(PartnerKey, CraftedMessages.Domain));

        MessageRefused(pair.Alice, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Bob, other));
    }

    [Fact]
    public void Rejects_withdraw_confirmation_of_the_partners_own_withdraw()
    {
        var pair = NegotiationPair.Opened();
        var request = NegotiationNode.Sent(pair.Act(pair.Bob, Withdraw(pair, pair.Bob, 300)), Payload.WithdrawRequest);
        pair.Deliver(pair.Bob, request);
        // Bob "confirms" the withdraw Alice already confirmed for him: only the withdrawer's own request is confirmed.
        var selfConfirmed = new Message
        {
            MessageId = 50,
            WithdrawConfirmation = new WithdrawConfirmation
            {
                Channel = request.WithdrawRequest.Channel,
                Participant = request.WithdrawRequest.Participant,
                TotalWithdraw = request.WithdrawRequest.TotalWithdraw,
                ExpirationBlock = request.WithdrawRequest.ExpirationBlock,
                PartnerSignature = request.WithdrawRequest.ParticipantSignature,
            },
        };

        MessageRefused(pair.Alice, RefusalReason.InvalidMessage, () => pair.Deliver(pair.Bob, selfConfirmed));
    }

    [Fact]
    public void Rejects_withdraw_confirmation_when_no_transaction_could_land_before_the_expiration()
    {
        var pair = NegotiationPair.Opened();
        var confirmation = Confirmed(pair, 300);
        pair.AdvanceTo(pair.Block + ValidBlocks);

        MessageRefused(pair.Alice, RefusalReason.InvalidExpiration, () => pair.Deliver(pair.Bob, confirmation));
    }

    [Fact]
    public void A_resent_confirmation_is_acknowledged_again_and_submitted_only_once()
    {
        var pair = NegotiationPair.Opened();
        var confirmation = Confirmed(pair, 300);
        Assert.Single(pair.Deliver(pair.Bob, confirmation).OfType<ContractSendChannelWithdraw>());
        var afterFirst = pair.Alice.State;

        var again = pair.Deliver(pair.Bob, confirmation);

        var ack = Assert.IsType<SendMessage>(Assert.Single(again));
        Assert.Equal(confirmation.MessageId, ack.Message.Processed.ProcessedMessageId);
        Assert.Equal(afterFirst, pair.Alice.State);
    }

    [Fact]
    public void A_landed_withdraw_ends_the_negotiation_and_outlives_its_expiration()
    {
        var pair = NegotiationPair.Opened();
        var submit = Submitted(pair, 300);

        pair.Chain(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block + 1), pair.Block + 1);
        var (aliceEvents, bobEvents) = pair.AdvanceTo(submit.ExpirationBlock + 1);

        foreach (var channel in new[] { pair.Alice.Channel, pair.Bob.Channel })
        {
            Assert.Null(channel.Withdraw);
            Assert.Equal(new UInt256(300), channel.EndsOf(pair.Alice.Address).Own.TotalWithdraw);
        }
        Assert.Empty(aliceEvents);
        Assert.Empty(bobEvents);
    }

    [Fact]
    public void A_landed_withdraw_takes_its_unacknowledged_messages_out_of_the_outbox()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair, 300);
        var confirmation = NegotiationNode.Sent(pair.Deliver(pair.Alice, request), Payload.WithdrawConfirmation);
        Assert.Contains(request.MessageId, pair.Alice.State.Outbox.Keys);
        Assert.Contains(confirmation.MessageId, pair.Bob.State.Outbox.Keys);

        pair.Chain(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block), pair.Block);

        Assert.DoesNotContain(request.MessageId, pair.Alice.State.Outbox.Keys);
        Assert.DoesNotContain(confirmation.MessageId, pair.Bob.State.Outbox.Keys);
    }

    [Fact]
    public void An_unused_withdraw_expires_after_its_block_and_returns_the_reservation_on_both_ends()
    {
        var pair = NegotiationPair.Opened();
        var submit = Submitted(pair, 800);

        var atExpiration = pair.AdvanceTo(submit.ExpirationBlock);
        Assert.Empty(atExpiration.Alice);
        Assert.Equal(new UInt256(800), pair.Bob.Channel.Partner.TotalWithdraw);
        var (aliceEvents, bobEvents) = pair.AdvanceTo(submit.ExpirationBlock + 1);

        var expired = new EventWithdrawExpired(TokenNetwork, ChannelId, pair.Alice.Address, 800, submit.ExpirationBlock);
        Assert.Equal([expired], aliceEvents);
        Assert.Equal([expired], bobEvents);
        Assert.Null(pair.Alice.Channel.Withdraw);
        Assert.Null(pair.Bob.Channel.Withdraw);
        Assert.Equal(UInt256.Zero, pair.Alice.Channel.Our.TotalWithdraw);
        Assert.Equal(UInt256.Zero, pair.Bob.Channel.Partner.TotalWithdraw);
        Assert.Empty(pair.Bob.State.Outbox);
        var transfer = NegotiationNode.Sent(Transfer(pair, pair.Alice, 1_000), Payload.DirectTransfer);
        Assert.Single(pair.Deliver(pair.Alice, transfer).OfType<EventPaymentReceived>());
    }

    [Fact]
    public void An_unanswered_request_expires_and_leaves_the_outbox()
    {
        var pair = NegotiationPair.Opened();
        var request = Requested(pair, 800);

        pair.AdvanceTo(request.WithdrawRequest.ExpirationBlock + 1);

        Assert.Null(pair.Alice.Channel.Withdraw);
        Assert.Equal(UInt256.Zero, pair.Alice.Channel.Our.TotalWithdraw);
        Assert.Empty(pair.Alice.State.Outbox);
    }

    [Fact]
    public void An_expired_withdraw_returns_to_the_total_already_on_chain()
    {
        var pair = NegotiationPair.Opened();
        Submitted(pair, 300);
        pair.Chain(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, pair.Alice.Address, 300, pair.Block), pair.Block);
        var submit = Submitted(pair, 500);

        pair.AdvanceTo(submit.ExpirationBlock + 1);

        Assert.Equal(new UInt256(300), pair.Alice.Channel.Our.TotalWithdraw);
        Assert.Equal(new UInt256(300), pair.Bob.Channel.Partner.TotalWithdraw);
    }

    [Fact]
    public void The_partners_withdraw_expires_on_our_side_too()
    {
        var pair = NegotiationPair.Opened();
        var request = NegotiationNode.Sent(pair.Act(pair.Bob, Withdraw(pair, pair.Bob, 400)), Payload.WithdrawRequest);
        pair.Deliver(pair.Bob, request);
        Assert.Equal(new UInt256(400), pair.Alice.Channel.Partner.TotalWithdraw);

        pair.AdvanceTo(request.WithdrawRequest.ExpirationBlock + 1);

        Assert.Equal(UInt256.Zero, pair.Alice.Channel.Partner.TotalWithdraw);
        Assert.Null(pair.Alice.Channel.Withdraw);
    }
}
