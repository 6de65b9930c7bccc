using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using HashTimeLock = Photon.Contracts.Locks.HashTimeLock;

namespace Photon.Protocol.Transfers;

/// <summary>
/// The mediator's side: forward a received lock to the next hop of its route, keeping exactly its fee
/// and a reveal timeout of margin, or dispose the received lock when it cannot; pass the secret back
/// and release locks as it learns it.
/// </summary>
internal static class Mediator
{
    public static void SetFees(TransitionContext context, ActionSetFeeSchedule action)
    {
        if (context.ChannelWith(action.TokenNetwork, action.Partner) is not { } channel)
        {
            context.RefuseAction(action, RefusalReason.UnknownChannel, $"no channel with {action.Partner} in token network {action.TokenNetwork}");
            return;
        }
        context.SetChannel(channel with { Fees = action.Fees });
    }

    /// <summary>Forwards <paramref name="received"/> (already accepted in <paramref name="payerChannel"/>), or disposes it.</summary>
    public static void Forward(TransitionContext context, Channel payerChannel, ReceivedTransfer received)
    {
        var refusal = TryForward(context, payerChannel, received, out var payeeChannel, out var forwarded);
        if (refusal is not null)
        {
            LockMessages.Dispose(context, payerChannel, received.Lock, received.PaymentId, refusal);
            return;
        }
        var pair = new MediationPair(payerChannel.Partner.Address, payerChannel.ChannelId, received.Lock, received.Route[0], payeeChannel, forwarded);
        var task = context.State.Payments.GetValueOrDefault(received.Lock.SecretHash) as MediatorTask
            ?? new MediatorTask(payerChannel.TokenNetwork, received.PaymentId, received.Lock.SecretHash, []);
        context.State = context.State with { Payments = context.State.Payments.SetItem(task.SecretHash, task with { Pairs = task.Pairs.Add(pair) }) };
    }

    private static string? TryForward(TransitionContext context, Channel payerChannel, ReceivedTransfer received, out UInt256 payeeChannelId, out HashTimeLock? forwarded)
    {
        payeeChannelId = default;
        forwarded = null;
        var next = received.Route[0];
        if (next == context.Our || next == payerChannel.Partner.Address || received.Route.Contains(context.Our))
            return "the route loops through this node";
        if (context.State.Payments.GetValueOrDefault(received.Lock.SecretHash) is { } existing and not MediatorTask)
            return $"this node is already the {(existing is InitiatorTask ? "initiator" : "target")} of this payment";
        if (context.ChannelWith(payerChannel.TokenNetwork, next) is not { } channel || !channel.AcceptsTransfers)
            return $"no open channel with the next hop {next}";
        if ((channel.Fees ?? context.State.Settings.DefaultFees).FeeFor(received.TargetAmount) is not { } fee || received.Fee < fee)
            return $"the fee left ({received.Fee}) does not cover this node's fee";
        // The payee's lock expires a reveal timeout before ours, leaving this node time to register the
        // secret on chain should its payer not unlock; it never outlives the payee channel's settle timeout.
        if (received.Lock.Expiration <= channel.RevealTimeout)
            return "the lock expires too soon to forward";
        var expiration = UInt256.Min(received.Lock.Expiration - channel.RevealTimeout, (UInt256)context.BlockNumber + channel.SettleTimeout);
        if (expiration <= context.BlockNumber)
            return "the lock expires too soon to forward";
        var outgoing = new HashTimeLock(expiration, received.Lock.Amount - fee, received.Lock.SecretHash);
        var transition = ChannelTransitions.ApplyLock(channel, context.Our, outgoing, context.BlockNumber);
        if (!transition.IsAccepted)
            return transition.Refusal.Message;
        var message = context.NewMessage();
        var proof = ProofMessages.Unsigned(channel, transition.End);
        var transfer = new MediatedTransfer
        {
            PaymentId = WireValues.Encode(received.PaymentId),
            Initiator = WireValues.Encode(received.Initiator),
            Target = WireValues.Encode(received.Target),
            TargetAmount = WireValues.Encode(received.TargetAmount),
            Fee = WireValues.Encode(received.Fee - fee),
            Lock = LockMessages.ToWire(outgoing),
            BalanceProof = proof,
        };
        foreach (var hop in received.Route.Skip(1))
            transfer.Route.Add(WireValues.Encode(hop));
        message.MediatedTransfer = transfer;
        var end = ProofMessages.Seal(channel, transition.End, message, proof, context.Key);
        context.SetChannel(channel with { Our = end });
        context.Send(next, message);
        payeeChannelId = channel.ChannelId;
        forwarded = outgoing;
        return null;
    }

    /// <summary>
    /// This node learned the secret (from a payee, the chain, or a payer's Unlock): release
    /// each forwarded lock still pending to its payee, and tell each payer whose lock is pending.
    /// </summary>
    public static void OnSecret(TransitionContext context, MediatorTask task, Hash256 secret)
    {
        var pairs = ImmutableList.CreateBuilder<MediationPair>();
        foreach (var pair in task.Pairs)
        {
            if (pair.PayeeLock is { } payeeLock && context.Channel(task.TokenNetwork, pair.PayeeChannelId) is { } payeeChannel
                && payeeChannel.Our.FindLock(payeeLock.SecretHash) == payeeLock)
                LockMessages.SendUnlock(context, payeeChannel, secret, task.PaymentId);
            var updated = pair;
            if (!pair.SecretRevealedToPayer && context.Channel(task.TokenNetwork, pair.PayerChannelId) is { } payerChannel
                && payerChannel.Partner.FindLock(pair.PayerLock.SecretHash) == pair.PayerLock
                && !payerChannel.Partner.DisposedLockHashes.Contains(pair.PayerLock.LockHash))
            {
                var message = context.NewMessage();
                message.RevealSecret = new RevealSecret { Secret = WireValues.Encode(secret) };
                context.Send(pair.Payer, message);
                updated = pair with { SecretRevealedToPayer = true };
            }
            pairs.Add(updated);
        }
        context.State = context.State with { Payments = context.State.Payments.SetItem(task.SecretHash, task with { Pairs = pairs.ToImmutable() }) };
    }

    /// <summary>
    /// The payee disposed the lock we forwarded (already removed with our answer): without the secret this
    /// node cannot be paid downstream, so it gives up the payer's lock too, and the payer reroutes.
    /// </summary>
    public static void OnPayeeDisposed(TransitionContext context, MediatorTask task, Address payee)
    {
        if (context.State.Secrets.ContainsKey(task.SecretHash))
            return;
        foreach (var pair in task.Pairs.Where(p => p.Payee == payee))
            if (context.Channel(task.TokenNetwork, pair.PayerChannelId) is { } payerChannel && payerChannel.Partner.FindLock(pair.PayerLock.SecretHash) == pair.PayerLock)
                LockMessages.Dispose(context, payerChannel, pair.PayerLock, task.PaymentId, $"the next hop {payee} gave up the lock");
    }

    /// <summary>True while a lock of the task is pending in either direction.</summary>
    public static bool IsActive(TransitionContext context, MediatorTask task) =>
        task.Pairs.Any(pair =>
            (context.Channel(task.TokenNetwork, pair.PayerChannelId) is { } payer && payer.Partner.FindLock(pair.PayerLock.SecretHash) is not null)
            || (pair.PayeeLock is not null && context.Channel(task.TokenNetwork, pair.PayeeChannelId) is { } payee && payee.Our.FindLock(pair.PayeeLock.SecretHash) is not null));
}
