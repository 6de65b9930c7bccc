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
/// Withdraw without closing (docs/protocol.md, "Withdraw and cooperative settle"): both participants
/// sign the same Withdraw, then the withdrawer submits it. From the moment a node signs, the amount is
/// reserved on the withdrawer's end (its TotalWithdraw is raised to the new total), so no balance proof
/// can spend what setTotalWithdraw may still pay out; the reservation is reverted if the expiration block
/// passes unused, and becomes the on-chain total when the withdraw lands.
/// </summary>
internal static class Withdraws
{
    public static void Request(TransitionContext context, ActionWithdraw action)
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
        if (action.ValidBlocks == 0 || action.ValidBlocks > channel.SettleTimeout)
        {
            context.RefuseAction(action, RefusalReason.InvalidAction, $"a withdraw must be valid for 1 to {channel.SettleTimeout} blocks (the settle timeout), not {action.ValidBlocks}");
            return;
        }
        if (CheckTotal(channel, channel.Our, action.TotalWithdraw, RefusalReason.InvalidAction) is { } beyond)
        {
            context.RefuseAction(action, beyond.Reason, beyond.Message);
            return;
        }
        if (action.ValidBlocks > ulong.MaxValue - context.BlockNumber)
        {
            context.RefuseAction(action, RefusalReason.InvalidAction, $"block {context.BlockNumber} + {action.ValidBlocks} blocks does not fit a block number");
            return;
        }
        var expiration = context.BlockNumber + action.ValidBlocks;
        var proof = new WithdrawProof(channel.ChannelId, context.Our, action.TotalWithdraw, expiration);
        var signature = proof.Sign(context.Key, channel.Domain);
        var message = context.NewMessage();
        message.WithdrawRequest = new WithdrawRequest
        {
            Channel = ChannelRefs.Of(channel),
            Participant = WireValues.Encode(context.Our),
            TotalWithdraw = WireValues.Encode(action.TotalWithdraw),
            ExpirationBlock = expiration,
            ParticipantSignature = WireValues.Encode(signature),
        };
        var negotiation = new WithdrawState(context.Our, action.TotalWithdraw, expiration, signature, null, channel.Our.TotalWithdraw, message.MessageId);
        context.SetChannel(channel with { Our = channel.Our with { TotalWithdraw = action.TotalWithdraw }, Withdraw = negotiation });
        context.Send(channel.Partner.Address, message);
    }

    public static void OnRequest(TransitionContext context, ReceiveMessage received)
    {
        var request = received.Message.WithdrawRequest;
        if (context.ResolveChannel(request.Channel, out var unknown) is not { } channel)
        {
            context.RefuseMessage(received, unknown!);
            return;
        }
        if (received.Sender != channel.Partner.Address)
        {
            context.RefuseMessage(received, RefusalReason.NotFromPartner, $"{received.Sender} is not the partner in channel {channel.ChannelId}");
            return;
        }
        if (Read(request.Participant, request.TotalWithdraw, request.ParticipantSignature, "participant_signature", out var malformed) is not { } terms)
        {
            context.RefuseMessage(received, malformed!);
            return;
        }
        if (terms.Participant != received.Sender)
        {
            context.RefuseMessage(received, RefusalReason.InvalidMessage, $"a withdraw request names its sender as the participant, not {terms.Participant}");
            return;
        }
        var proof = new WithdrawProof(channel.ChannelId, terms.Participant, terms.TotalWithdraw, request.ExpirationBlock);
        if (channel.Withdraw is { } confirmed && confirmed.Participant == received.Sender && confirmed.PartnerSignature is not null
            && confirmed.ToProof(channel.ChannelId) == proof && confirmed.ParticipantSignature == terms.Signature)
        {
            // The partner sent its request again (our acknowledgement was lost). We confirmed it already:
            // the reservation stands and our confirmation stays in the outbox until the partner acks it.
            context.Acknowledge(received);
            return;
        }
        if (Unavailable(channel) is { } unavailable)
        {
            context.RefuseMessage(received, unavailable);
            return;
        }
        if (request.ExpirationBlock <= context.BlockNumber || request.ExpirationBlock - context.BlockNumber > channel.SettleTimeout)
        {
            // Past or current: no transaction sent now could land in time. Beyond the settle timeout: the
            // partner would hold our reservation and block every other negotiation in the channel for long.
            context.RefuseMessage(received, RefusalReason.InvalidExpiration, $"the withdraw expires at block {request.ExpirationBlock}; it must be after block {context.BlockNumber} and at most {channel.SettleTimeout} blocks ahead");
            return;
        }
        if (CheckTotal(channel, channel.Partner, terms.TotalWithdraw, RefusalReason.InvalidMessage) is { } beyond)
        {
            context.RefuseMessage(received, beyond);
            return;
        }
        if (!proof.IsSignedBy(channel.Domain, terms.Signature, received.Sender))
        {
            context.RefuseMessage(received, RefusalReason.InvalidProofSignature, $"the Withdraw signature is not {received.Sender}'s over these fields");
            return;
        }
        var ourSignature = proof.Sign(context.Key, channel.Domain);
        var message = context.NewMessage();
        message.WithdrawConfirmation = new WithdrawConfirmation
        {
            Channel = ChannelRefs.Of(channel),
            Participant = WireValues.Encode(terms.Participant),
            TotalWithdraw = WireValues.Encode(terms.TotalWithdraw),
            ExpirationBlock = request.ExpirationBlock,
            PartnerSignature = WireValues.Encode(ourSignature),
        };
        var negotiation = new WithdrawState(terms.Participant, terms.TotalWithdraw, request.ExpirationBlock, terms.Signature, ourSignature, channel.Partner.TotalWithdraw, message.MessageId);
        context.SetChannel(channel with { Partner = channel.Partner with { TotalWithdraw = terms.TotalWithdraw }, Withdraw = negotiation });
        context.Send(received.Sender, message);
        context.Acknowledge(received);
    }

    public static void OnConfirmation(TransitionContext context, ReceiveMessage received)
    {
        var confirmation = received.Message.WithdrawConfirmation;
        if (context.ResolveChannel(confirmation.Channel, out var unknown) is not { } channel)
        {
            context.RefuseMessage(received, unknown!);
            return;
        }
        if (received.Sender != channel.Partner.Address)
        {
            context.RefuseMessage(received, RefusalReason.NotFromPartner, $"{received.Sender} is not the partner in channel {channel.ChannelId}");
            return;
        }
        if (Read(confirmation.Participant, confirmation.TotalWithdraw, confirmation.PartnerSignature, "partner_signature", out var malformed) is not { } terms)
        {
            context.RefuseMessage(received, malformed!);
            return;
        }
        var proof = new WithdrawProof(channel.ChannelId, terms.Participant, terms.TotalWithdraw, confirmation.ExpirationBlock);
        if (channel.Withdraw is not { } pending || pending.Participant != context.Our || pending.ToProof(channel.ChannelId) != proof)
        {
            context.RefuseMessage(received, RefusalReason.InvalidMessage, $"no withdraw of ours up to {terms.TotalWithdraw} expiring at block {confirmation.ExpirationBlock} is pending in channel {channel.ChannelId}");
            return;
        }
        if (!proof.IsSignedBy(channel.Domain, terms.Signature, received.Sender))
        {
            context.RefuseMessage(received, RefusalReason.InvalidProofSignature, $"the Withdraw signature is not {received.Sender}'s over these fields");
            return;
        }
        if (pending.PartnerSignature is not null)
        {
            // A confirmation sent again (our acknowledgement was lost): the withdraw was submitted already.
            context.Acknowledge(received);
            return;
        }
        if (pending.ExpirationBlock <= context.BlockNumber)
        {
            // A transaction sent now lands in a later block, after the expiration: submitting would only revert.
            context.RefuseMessage(received, RefusalReason.InvalidExpiration, $"the withdraw expires at block {pending.ExpirationBlock}; it is block {context.BlockNumber}");
            return;
        }
        context.SetChannel(channel with { Withdraw = pending with { PartnerSignature = terms.Signature } });
        context.Emit(new ContractSendChannelWithdraw(
            channel.TokenNetwork, channel.ChannelId, context.Our, pending.TotalWithdraw, pending.ExpirationBlock, pending.ParticipantSignature!.Value, terms.Signature));
        context.Acknowledge(received);
    }

    /// <summary>
    /// Ends the negotiation the on-chain withdraw completes. ChainEvents.OnWithdraw ran first and raised
    /// the end's total where the chain's is higher; a reserved total equal to the chain's is now final.
    /// </summary>
    public static void OnWithdrawn(TransitionContext context, ContractReceiveChannelWithdraw withdrawn)
    {
        if (context.Channel(withdrawn.TokenNetwork, withdrawn.ChannelId) is not { Withdraw: { } pending } channel
            || pending.Participant != withdrawn.Participant)
            return;
        if (withdrawn.TotalWithdraw < pending.TotalWithdraw)
        {
            // An earlier withdrawal seen late: the negotiation stands, but should it expire, the end must
            // return to no less than what the chain already paid out.
            if (withdrawn.TotalWithdraw > pending.OnChainTotalWithdraw)
                context.SetChannel(channel with { Withdraw = pending with { OnChainTotalWithdraw = withdrawn.TotalWithdraw } });
            return;
        }
        context.SetChannel(channel with { Withdraw = null });
        Forget(context, channel, pending);
        context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, channel.Status, $"the withdraw of {pending.Participant} up to {pending.TotalWithdraw} is on chain"));
    }

    /// <summary>Drops every negotiation whose expiration block has passed, returning its reservation.</summary>
    public static void OnBlock(TransitionContext context)
    {
        // Sorted, so that the events come out in one order on every replay.
        var expired = context.State.TokenNetworks.Values
            .SelectMany(network => network.Channels.Values)
            .Where(channel => channel.Withdraw is { } pending && !pending.IsUsableAt(context.BlockNumber))
            .OrderBy(channel => channel.TokenNetwork)
            .ThenBy(channel => channel.ChannelId)
            .ToList();
        foreach (var channel in expired)
        {
            var pending = channel.Withdraw!;
            var (end, _) = channel.EndsOf(pending.Participant);
            // The chain never paid this total (it would have been seen before this block), so the end
            // returns to what the chain holds.
            var restored = end.TotalWithdraw == pending.TotalWithdraw ? end with { TotalWithdraw = pending.OnChainTotalWithdraw } : end;
            context.SetChannel(channel.WithEnd(restored) with { Withdraw = null });
            Forget(context, channel, pending);
            context.Emit(new EventWithdrawExpired(channel.TokenNetwork, channel.ChannelId, pending.Participant, pending.TotalWithdraw, pending.ExpirationBlock));
        }
    }

    /// <summary>Why no withdraw can be negotiated in <paramref name="channel"/> now, or null.</summary>
    private static Refusal? Unavailable(Channel channel)
    {
        if (channel.Status != ChannelStatus.Opened)
            return new Refusal(RefusalReason.ChannelNotOpened, $"channel {channel.ChannelId} is {channel.Status}");
        // A signed CooperativeSettle stays valid while the channel holds the same total; a withdraw
        // would change that total under it (docs/contracts.md).
        if (!channel.AcceptsTransfers)
            return new Refusal(RefusalReason.ChannelFrozen, $"channel {channel.ChannelId} is being settled cooperatively");
        if (channel.Withdraw is { } pending)
            return new Refusal(RefusalReason.Conflict, $"a withdraw of {pending.Participant} up to {pending.TotalWithdraw} is already being negotiated in channel {channel.ChannelId}");
        return null;
    }

    /// <summary>
    /// Why <paramref name="end"/> may not raise its total withdrawal to <paramref name="total"/>, or null:
    /// the total must rise, and the end must still cover what it has transferred and locked out of its
    /// deposit plus what its partner transferred to it. That also keeps the total within the contract's
    /// bound (its deposit plus what the partner did not withdraw), since the partner is within its own.
    /// </summary>
    private static Refusal? CheckTotal(Channel channel, ChannelEnd end, UInt256 total, RefusalReason notIncreasing)
    {
        if (total <= end.TotalWithdraw)
            return new Refusal(notIncreasing, $"the total withdrawal of {end.Address} is {end.TotalWithdraw} already; a new total must be higher than that, not {total}");
        var other = end.Address == channel.Our.Address ? channel.Partner : channel.Our;
        if (!Balances.CanCommit(end with { TotalWithdraw = total }, other, end.TransferredAmount, end.LockedAmount))
            return new Refusal(RefusalReason.InsufficientCapacity, $"{end.Address} can withdraw at most {Balances.Distributable(end, other)} more than its {end.TotalWithdraw}, not up to {total}");
        return null;
    }

    /// <summary>Takes our message for <paramref name="pending"/> out of the outbox: it has no use any more.</summary>
    private static void Forget(TransitionContext context, Channel channel, WithdrawState pending)
    {
        if (context.State.Outbox.TryGetValue(pending.MessageId, out var outgoing) && outgoing.Recipient == channel.Partner.Address)
            context.State = context.State with { Outbox = context.State.Outbox.Remove(pending.MessageId) };
    }

    private static WithdrawTerms? Read(Google.Protobuf.ByteString participant, Google.Protobuf.ByteString total, Google.Protobuf.ByteString signature, string signatureField, out Refusal? refusal)
    {
        refusal = null;
        try
        {
            return new WithdrawTerms(
                WireValues.ReadAddress(participant, "participant"),
                WireValues.ReadUInt256(total, "total_withdraw"),
                WireValues.ReadSignature(signature, signatureField));
        }
        catch (InvalidMessageException e)
        {
            refusal = new Refusal(RefusalReason.InvalidMessage, e.Message);
            return null;
        }
    }

    private sealed record WithdrawTerms(Address Participant, UInt256 TotalWithdraw, Signature Signature);
}
