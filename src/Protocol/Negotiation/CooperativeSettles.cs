using Google.Protobuf;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Negotiation;

/// <summary>
/// Cooperative settlement (docs/protocol.md, "Withdraw and cooperative settle"): both participants sign
/// the same CooperativeSettle, and either submits it. A node that has signed is frozen in the channel
/// (no balance proof either way, no withdraw) until the channel is settled; if the settlement does not
/// land, the way out is closing the channel.
/// </summary>
internal static class CooperativeSettles
{
    public static void Request(TransitionContext context, ActionCooperativeSettle action)
    {
        if (context.ChannelWith(action.TokenNetwork, action.Partner) is not { } channel)
        {
            context.RefuseAction(action, RefusalReason.UnknownChannel, $"no channel with {action.Partner} in token network {action.TokenNetwork}");
            return;
        }
        if (Unavailable(channel) is { } unavailable)
        {
            context.RefuseAction(action, unavailable.Reason, unavailable.Message);
            return;
        }
        if (SettlementBalances.Of(channel) is not (var ourBalance, var partnerBalance))
        {
            context.RefuseAction(action, RefusalReason.InsufficientCapacity, $"the balances of channel {channel.ChannelId} do not add up to what it holds");
            return;
        }
        // The lower address first: two nodes asking at the same moment then sign the very same
        // settlement, and each one's request completes the other's.
        var ourFirst = context.Our < channel.Partner.Address;
        var settlement = ourFirst
            ? new CooperativeSettleState(context.Our, ourBalance, channel.Partner.Address, partnerBalance, null, null)
            : new CooperativeSettleState(channel.Partner.Address, partnerBalance, context.Our, ourBalance, null, null);
        var signature = settlement.ToProof(channel.ChannelId).Sign(context.Key, channel.Domain);
        var message = context.NewMessage();
        message.CooperativeSettleRequest = new CooperativeSettleRequest
        {
            Channel = ChannelRefs.Of(channel),
            Participant1 = WireValues.Encode(settlement.Participant1),
            Balance1 = WireValues.Encode(settlement.Balance1),
            Participant2 = WireValues.Encode(settlement.Participant2),
            Balance2 = WireValues.Encode(settlement.Balance2),
            Signature = WireValues.Encode(signature),
        };
        context.SetChannel(channel with { CooperativeSettle = settlement with { OurSignature = signature } });
        context.Send(channel.Partner.Address, message);
    }

    public static void OnRequest(TransitionContext context, ReceiveMessage received)
    {
        var request = received.Message.CooperativeSettleRequest;
        if (Identify(context, received, request.Channel, request.Participant1, request.Balance1, request.Participant2, request.Balance2, request.Signature) is not (var channel, var proof, var signature))
            return;
        if (channel.CooperativeSettle is { } pending)
        {
            // We signed a settlement already: this request can only be the partner's copy of the same one
            // (sent again, or sent at the same moment as ours).
            if (pending.ToProof(channel.ChannelId) != proof)
            {
                context.RefuseMessage(received, RefusalReason.Conflict, $"this node signed another cooperative settlement of channel {channel.ChannelId}");
                return;
            }
            Complete(context, received, channel, pending, signature);
            return;
        }
        if (Unavailable(channel) is { } unavailable)
        {
            context.RefuseMessage(received, unavailable);
            return;
        }
        if (SettlementBalances.Of(channel) is not (var ourBalance, var partnerBalance))
        {
            context.RefuseMessage(received, RefusalReason.BalanceMismatch, $"the balances of channel {channel.ChannelId} do not add up to what it holds");
            return;
        }
        var (asked, partnerAsked) = proof.Participant1 == context.Our ? (proof.Balance1, proof.Balance2) : (proof.Balance2, proof.Balance1);
        if (asked != ourBalance || partnerAsked != partnerBalance)
        {
            // Usually a payment still in flight one way or the other; the partner sends its request again.
            context.RefuseMessage(received, RefusalReason.BalanceMismatch, $"the request gives us {asked} and the partner {partnerAsked}; by our proofs it is {ourBalance} and {partnerBalance}");
            return;
        }
        if (!proof.IsSignedBy(channel.Domain, signature, received.Sender))
        {
            context.RefuseMessage(received, RefusalReason.InvalidProofSignature, $"the CooperativeSettle signature is not {received.Sender}'s over these fields");
            return;
        }
        var ourSignature = proof.Sign(context.Key, channel.Domain);
        var settlement = new CooperativeSettleState(proof.Participant1, proof.Balance1, proof.Participant2, proof.Balance2, ourSignature, signature);
        var message = context.NewMessage();
        message.CooperativeSettleConfirmation = new CooperativeSettleConfirmation
        {
            Channel = ChannelRefs.Of(channel),
            Participant1 = WireValues.Encode(proof.Participant1),
            Balance1 = WireValues.Encode(proof.Balance1),
            Participant2 = WireValues.Encode(proof.Participant2),
            Balance2 = WireValues.Encode(proof.Balance2),
            Signature = WireValues.Encode(ourSignature),
        };
        context.SetChannel(channel with { CooperativeSettle = settlement });
        context.Send(received.Sender, message);
        // Both of us may submit (docs/protocol.md): we are frozen from now on, so we must not depend on
        // the requester to end the channel.
        Submit(context, channel, settlement);
        context.Acknowledge(received);
    }

    public static void OnConfirmation(TransitionContext context, ReceiveMessage received)
    {
        var confirmation = received.Message.CooperativeSettleConfirmation;
        if (Identify(context, received, confirmation.Channel, confirmation.Participant1, confirmation.Balance1, confirmation.Participant2, confirmation.Balance2, confirmation.Signature) is not (var channel, var proof, var signature))
            return;
        if (channel.CooperativeSettle is not { Frozen: true } pending || pending.ToProof(channel.ChannelId) != proof)
        {
            context.RefuseMessage(received, RefusalReason.InvalidMessage, $"this node has not asked for this cooperative settlement of channel {channel.ChannelId}");
            return;
        }
        Complete(context, received, channel, pending, signature);
    }

    /// <summary>
    /// Records the partner's signature on the settlement we signed and submits it once; a copy of a
    /// signature we hold already is only acknowledged again.
    /// </summary>
    private static void Complete(TransitionContext context, ReceiveMessage received, Channel channel, CooperativeSettleState pending, Signature signature)
    {
        if (!pending.ToProof(channel.ChannelId).IsSignedBy(channel.Domain, signature, received.Sender))
        {
            context.RefuseMessage(received, RefusalReason.InvalidProofSignature, $"the CooperativeSettle signature is not {received.Sender}'s over these fields");
            return;
        }
        if (pending.PartnerSignature is not null)
        {
            context.Acknowledge(received);
            return;
        }
        if (channel.Status != ChannelStatus.Opened)
        {
            // cooperativeSettle accepts only an opened channel; the close already under way decides.
            context.RefuseMessage(received, RefusalReason.ChannelNotOpened, $"channel {channel.ChannelId} is {channel.Status}");
            return;
        }
        var settlement = pending with { PartnerSignature = signature };
        context.SetChannel(channel with { CooperativeSettle = settlement });
        Submit(context, channel, settlement);
        context.Acknowledge(received);
    }

    private static void Submit(TransitionContext context, Channel channel, CooperativeSettleState settlement)
    {
        var ours = settlement.OurSignature!.Value;
        var partners = settlement.PartnerSignature!.Value;
        var ourFirst = settlement.Participant1 == context.Our;
        context.Emit(new ContractSendCooperativeSettle(
            channel.TokenNetwork,
            channel.ChannelId,
            settlement.Participant1,
            settlement.Balance1,
            settlement.Participant2,
            settlement.Balance2,
            ourFirst ? ours : partners,
            ourFirst ? partners : ours));
    }

    /// <summary>Why no cooperative settlement can be signed in <paramref name="channel"/> now, or null.</summary>
    private static Refusal? Unavailable(Channel channel)
    {
        if (channel.Status != ChannelStatus.Opened)
            return new Refusal(RefusalReason.ChannelNotOpened, $"channel {channel.ChannelId} is {channel.Status}");
        if (channel.CooperativeSettle is not null)
            return new Refusal(RefusalReason.Conflict, $"a cooperative settlement of channel {channel.ChannelId} is already signed");
        // A confirmed withdraw may still land and change what the channel holds under the signed balances.
        if (channel.Withdraw is { } withdraw)
            return new Refusal(RefusalReason.Conflict, $"a withdraw of {withdraw.Participant} up to {withdraw.TotalWithdraw} is being negotiated in channel {channel.ChannelId}");
        // A pending lock's amount belongs to neither side until it is unlocked or expires.
        if (!channel.Our.Locks.IsEmpty || !channel.Partner.Locks.IsEmpty)
            return new Refusal(RefusalReason.Conflict, $"channel {channel.ChannelId} has {channel.Our.Locks.Count + channel.Partner.Locks.Count} pending locks");
        return null;
    }

    /// <summary>
    /// The channel, the settlement and the signature a request or confirmation names, or null after refusing
    /// it: the channel must be known and the sender its partner, the fields well formed, and the two
    /// participants the channel's (in either order: the contract takes both).
    /// </summary>
    private static (Channel Channel, CooperativeSettleProof Proof, Signature Signature)? Identify(
        TransitionContext context,
        ReceiveMessage received,
        ChannelRef? reference,
        ByteString participant1,
        ByteString balance1,
        ByteString participant2,
        ByteString balance2,
        ByteString signature)
    {
        if (context.ResolveChannel(reference, out var unknown) is not { } channel)
        {
            context.RefuseMessage(received, unknown!);
            return null;
        }
        if (received.Sender != channel.Partner.Address)
        {
            context.RefuseMessage(received, RefusalReason.NotFromPartner, $"{received.Sender} is not the partner in channel {channel.ChannelId}");
            return null;
        }
        CooperativeSettleProof proof;
        Signature parsed;
        try
        {
            proof = new CooperativeSettleProof(
                channel.ChannelId,
                WireValues.ReadAddress(participant1, "participant1"),
                WireValues.ReadUInt256(balance1, "balance1"),
                WireValues.ReadAddress(participant2, "participant2"),
                WireValues.ReadUInt256(balance2, "balance2"));
            parsed = WireValues.ReadSignature(signature, "signature");
        }
        catch (InvalidMessageException e)
        {
            context.RefuseMessage(received, RefusalReason.InvalidMessage, e.Message);
            return null;
        }
        var ours = context.Our;
        var partner = channel.Partner.Address;
        if (!((proof.Participant1 == ours && proof.Participant2 == partner) || (proof.Participant1 == partner && proof.Participant2 == ours)))
        {
            context.RefuseMessage(received, RefusalReason.InvalidMessage, $"the settlement names {proof.Participant1} and {proof.Participant2}, not the participants of channel {channel.ChannelId}");
            return null;
        }
        return (channel, proof, parsed);
    }
}
