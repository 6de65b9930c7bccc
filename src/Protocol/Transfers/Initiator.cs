using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.Routing;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using Photon.Contracts.Locks;
using HashTimeLock = Photon.Contracts.Locks.HashTimeLock;

namespace Photon.Protocol.Transfers;

/// <summary>
/// The initiator's side of a mediated payment: lock the amount plus the route's fees towards the first
/// hop, reveal the secret to the target when it asks for exactly the amount, release the lock when the
/// first hop shows it knows the secret, and try the next route when the first hop disposes the lock.
/// </summary>
internal static class Initiator
{
    public static void Start(TransitionContext context, ActionInitPayment action)
    {
        if (Validate(context, action) is { } invalid)
        {
            context.Emit(new EventActionRefused(action, invalid));
            return;
        }
        var task = new InitiatorTask(
            action.TokenNetwork, action.PaymentId, SecretHash.Of(action.Secret), action.Target, action.Amount, action.Secret,
            action.Routes, -1, UInt256.Zero, new HashTimeLock(UInt256.Zero, UInt256.Zero, Hash256.Zero), action.LockTimeout);
        if (TryRoutesFrom(context, task, 0, out var failure) is not { } started)
        {
            context.Emit(new EventActionRefused(action, failure));
            return;
        }
        context.State = context.State with
        {
            Payments = context.State.Payments.SetItem(started.SecretHash, started),
            Secrets = context.State.Secrets.SetItem(started.SecretHash, action.Secret),
        };
    }

    /// <summary>The target asks for the secret: reveal it once, only to the target and only for the full amount.</summary>
    public static void OnSecretRequest(TransitionContext context, ReceiveMessage received)
    {
        var request = received.Message.SecretRequest;
        if (!context.TryRead(received, () => (
                PaymentId: WireValues.ReadUInt256(request.PaymentId, "payment_id"),
                SecretHash: WireValues.ReadHash(request.SecretHash, "secret_hash"),
                Amount: WireValues.ReadUInt256(request.Amount, "amount")), out var fields))
            return;
        var (paymentId, secretHash, amount) = fields;
        // Delivered only says the request arrived; a refused one is acknowledged too, so that a target whose
        // payment ended here does not ask forever. The secret is what it must not get.
        context.Acknowledge(received);
        if (context.State.Payments.GetValueOrDefault(secretHash) is not InitiatorTask task || task.PaymentId != paymentId || task.Target != received.Sender)
        {
            context.RefuseMessage(received, RefusalReason.UnknownPayment, $"no payment {paymentId} with secret hash {secretHash} from this node to {received.Sender}");
            return;
        }
        // A target asking for less than the amount may have been paid less by a mediator: no secret.
        if (amount != task.Amount)
        {
            context.RefuseMessage(received, RefusalReason.UnknownPayment, $"the target asks for {amount}, the payment is of {task.Amount}");
            return;
        }
        if (task.SecretRevealed)
            return;
        var message = context.NewMessage();
        message.RevealSecret = new RevealSecret { Secret = WireValues.Encode(task.Secret) };
        context.Send(task.Target, message);
        context.State = context.State with { Payments = context.State.Payments.SetItem(secretHash, task with { SecretRevealed = true }) };
    }

    /// <summary>The first hop revealed the secret: it can claim the lock anyway, so release it off-chain; the payment succeeded.</summary>
    public static void OnSecretFromPayee(TransitionContext context, InitiatorTask task, Address sender)
    {
        if (context.Channel(task.TokenNetwork, task.ChannelId) is not { } channel || channel.Partner.Address != sender)
            return;
        if (channel.Our.FindLock(task.SecretHash) is null || LockMessages.SendUnlock(context, channel, task.Secret, task.PaymentId) is not null)
            return;
        Succeed(context, task);
    }

    public static void Succeed(TransitionContext context, InitiatorTask task)
    {
        context.State = context.State with { Payments = context.State.Payments.Remove(task.SecretHash) };
        context.Emit(new EventPaymentSucceeded(task.TokenNetwork, task.PaymentId, task.Target, task.Amount, task.Route.Fee, task.SecretHash));
    }

    public static void Fail(TransitionContext context, InitiatorTask task, string reason)
    {
        context.State = context.State with { Payments = context.State.Payments.Remove(task.SecretHash) };
        context.Emit(new EventPaymentFailed(task.TokenNetwork, task.PaymentId, task.Target, task.Amount, task.SecretHash, reason));
    }

    /// <summary>The first hop disposed our lock (already removed with our answer): try the remaining routes, unless the secret is out.</summary>
    public static void OnDisposed(TransitionContext context, InitiatorTask task)
    {
        if (task.SecretRevealed)
        {
            Fail(context, task, $"the first hop {task.Route.FirstHop} gave up the lock after the secret was revealed");
            return;
        }
        if (TryRoutesFrom(context, task, task.RouteIndex + 1, out var failure) is { } rerouted)
            context.State = context.State with { Payments = context.State.Payments.SetItem(rerouted.SecretHash, rerouted) };
        else
            Fail(context, task, $"no route left after {task.Route.FirstHop} gave up the lock: {failure.Message}");
    }

    private static Refusal? Validate(TransitionContext context, ActionInitPayment action)
    {
        if (action.Amount.IsZero)
            return new Refusal(RefusalReason.InvalidAction, "the amount is zero");
        if (context.TokenNetwork(action.TokenNetwork) is null)
            return new Refusal(RefusalReason.UnknownChannel, $"token network {action.TokenNetwork} is not known");
        if (action.Target == context.Our)
            return new Refusal(RefusalReason.InvalidAction, "a node does not pay itself");
        if (action.Routes.IsDefaultOrEmpty)
            return new Refusal(RefusalReason.NoRoute, $"no route to {action.Target}");
        foreach (var route in action.Routes)
            if (route.Target != action.Target || route.Hops.Contains(context.Our))
                return new Refusal(RefusalReason.InvalidAction, $"{route} does not lead from this node to {action.Target}");
        var secretHash = SecretHash.Of(action.Secret);
        // A secret once used is known to others: a second payment with it could be claimed without paying.
        if (context.State.Payments.ContainsKey(secretHash) || context.State.Secrets.ContainsKey(secretHash))
            return new Refusal(RefusalReason.Conflict, $"the secret with hash {secretHash} was already used");
        return null;
    }

    /// <summary>Sends the lock along the first usable route from <paramref name="index"/> on; the task with that route, or null.</summary>
    private static InitiatorTask? TryRoutesFrom(TransitionContext context, InitiatorTask task, int index, out Refusal failure)
    {
        failure = new Refusal(RefusalReason.NoRoute, $"no route to {task.Target}");
        for (var i = index; i < task.Routes.Length; i++)
        {
            var route = task.Routes[i];
            if (TrySend(context, task, route, out var channelId, out var sent) is not { } refusal)
                return task with { RouteIndex = i, ChannelId = channelId, Lock = sent! };
            // The last route's reason is the payment's (e.g. insufficient capacity when there is one route).
            failure = refusal with { Message = $"{route}: {refusal.Message}" };
        }
        return null;
    }

    private static Refusal? TrySend(TransitionContext context, InitiatorTask task, Route route, out UInt256 channelId, out HashTimeLock? sent)
    {
        channelId = default;
        sent = null;
        if (context.ChannelWith(task.TokenNetwork, route.FirstHop) is not { } channel)
            return new Refusal(RefusalReason.NoRoute, $"no channel with {route.FirstHop}");
        var total = WideAmount.Sum(task.Amount, route.Fee);
        if (total.Carries != 0)
            return new Refusal(RefusalReason.InvalidAction, "the amount plus the fee exceeds a uint256");
        // Every hop but the target takes a reveal timeout off the lock, and the target needs one more to
        // register the secret: (hops + 1) reveal timeouts, within the settle timeout.
        var timeout = task.LockTimeout ?? Math.Min(channel.RevealTimeout * (ulong)(route.Hops.Length + 1), channel.SettleTimeout);
        var expiration = (UInt256)context.BlockNumber + timeout;
        var hashTimeLock = new HashTimeLock(expiration, total.Low, task.SecretHash);
        // A lock hash disposed in this channel is never usable again; an earlier expiration makes a new one.
        while ((channel.Our.DisposedLockHashes.Contains(hashTimeLock.LockHash) || channel.Partner.DisposedLockHashes.Contains(hashTimeLock.LockHash))
               && hashTimeLock.Expiration > context.BlockNumber + 1UL)
            hashTimeLock = hashTimeLock with { Expiration = hashTimeLock.Expiration - UInt256.One };
        var transition = ChannelTransitions.ApplyLock(channel, context.Our, hashTimeLock, context.BlockNumber);
        if (!transition.IsAccepted)
            return transition.Refusal;
        var message = context.NewMessage();
        var proof = ProofMessages.Unsigned(channel, transition.End);
        var transfer = new MediatedTransfer
        {
            PaymentId = WireValues.Encode(task.PaymentId),
            Initiator = WireValues.Encode(context.Our),
            Target = WireValues.Encode(task.Target),
            TargetAmount = WireValues.Encode(task.Amount),
            Fee = WireValues.Encode(route.Fee),
            Lock = LockMessages.ToWire(hashTimeLock),
            BalanceProof = proof,
        };
        foreach (var hop in route.Hops.Skip(1))
            transfer.Route.Add(WireValues.Encode(hop));
        message.MediatedTransfer = transfer;
        var end = ProofMessages.Seal(channel, transition.End, message, proof, context.Key);
        context.SetChannel(channel with { Our = end });
        context.Send(route.FirstHop, message);
        channelId = channel.ChannelId;
        sent = hashTimeLock;
        return null;
    }
}
