using Photon.Protocol.Channels;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using Photon.Ethereum;

namespace Photon.Protocol.Transfers;

/// <summary>
/// The target's side: accept a lock only with time left to register its secret on chain, ask the
/// initiator for the secret, pass the secret to the payer so it unlocks.
/// </summary>
internal static class Target
{
    public static void OnTransfer(TransitionContext context, Channel payerChannel, ReceivedTransfer received)
    {
        var secretHash = received.Lock.SecretHash;
        if (received.Route.Length != 0)
        {
            LockMessages.Dispose(context, payerChannel, received.Lock, received.PaymentId, "the route goes on after the target");
            return;
        }
        if (context.State.Payments.GetValueOrDefault(secretHash) is { } existing && !(existing is TargetTask previous && !IsLive(context, previous)))
        {
            LockMessages.Dispose(context, payerChannel, received.Lock, received.PaymentId, "this node already takes part in this payment");
            return;
        }
        // Below this margin the secret could not be registered on chain in time should the payer not unlock.
        if (received.Lock.Expiration <= (UInt256)context.BlockNumber + payerChannel.RevealTimeout)
        {
            LockMessages.Dispose(context, payerChannel, received.Lock, received.PaymentId, "the lock expires too soon to register its secret");
            return;
        }
        var task = new TargetTask(payerChannel.TokenNetwork, received.PaymentId, secretHash, received.Initiator, payerChannel.Partner.Address, payerChannel.ChannelId, received.Lock, received.TargetAmount);
        context.State = context.State with { Payments = context.State.Payments.SetItem(secretHash, task) };
        if (context.State.Secrets.TryGetValue(secretHash, out var secret))
        {
            OnSecret(context, task, secret);
            return;
        }
        var message = context.NewMessage();
        message.SecretRequest = new SecretRequest
        {
            PaymentId = WireValues.Encode(received.PaymentId),
            SecretHash = WireValues.Encode(secretHash),
            Amount = WireValues.Encode(received.TargetAmount),
            Expiration = (ulong)received.Lock.Expiration,
        };
        context.Send(received.Initiator, message);
    }

    /// <summary>The target knows the secret: it tells its payer, once, so the payer releases the lock off-chain.</summary>
    public static void OnSecret(TransitionContext context, TargetTask task, Hash256 secret)
    {
        // Past its lock's expiry the secret would only help the payer: the lock no longer pays this node.
        if (task.SecretRevealedToPayer || !IsLive(context, task))
            return;
        var message = context.NewMessage();
        message.RevealSecret = new RevealSecret { Secret = WireValues.Encode(secret) };
        context.Send(task.Payer, message);
        context.State = context.State with { Payments = context.State.Payments.SetItem(task.SecretHash, task with { SecretRevealedToPayer = true }) };
    }

    /// <summary>
    /// True while the task's lock can still pay: pending in its channel and either unexpired or with its
    /// secret registered in time. A rerouted lock of the same payment replaces a task that is not live.
    /// </summary>
    private static bool IsLive(TransitionContext context, TargetTask task) =>
        IsPending(context, task)
        && (task.Lock.Expiration >= context.BlockNumber || context.State.IsRegisteredBy(task.SecretHash, task.Lock.Expiration));

    /// <summary>True while the task's lock is pending in its channel.</summary>
    public static bool IsPending(TransitionContext context, TargetTask task) =>
        context.Channel(task.TokenNetwork, task.ChannelId) is { } channel && channel.Partner.FindLock(task.SecretHash) == task.Lock;
}
