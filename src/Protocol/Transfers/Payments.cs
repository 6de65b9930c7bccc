using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Transfers;

/// <summary>
/// Entry points of mediated payments: the lock messages a peer sends, the secret's travels, blocks
/// (expiry, danger zone) and secrets registered on chain. Each finds the task by secret hash and hands
/// over to the role's rules (<see cref="Initiator"/>, <see cref="Mediator"/>, <see cref="Target"/>).
/// </summary>
internal static class Payments
{
    public static void OnMediatedTransfer(TransitionContext context, ReceiveMessage received)
    {
        if (!context.TryRead(received, () => ReceivedTransfer.Read(received.Message.MediatedTransfer), out var transfer))
            return;
        var channel = IncomingProofs.Accept(context, received, received.Message.MediatedTransfer.BalanceProof, (channel, sender, proof, additionalHash) =>
            BalanceProofCheck.CheckLock(channel, sender, proof, additionalHash, transfer.Lock, context.BlockNumber));
        if (channel is null)
            return;
        // A lock that expired on its way stays in the payer's end until its LockExpired; nobody acts on it.
        if (transfer.Lock.Expiration <= context.BlockNumber)
            return;
        if (transfer.Target == context.Our)
            Target.OnTransfer(context, channel, transfer);
        else if (transfer.Route.Length == 0)
            LockMessages.Dispose(context, channel, transfer.Lock, transfer.PaymentId, "the route ends before the target");
        else
            Mediator.Forward(context, channel, transfer);
    }

    public static void OnRevealSecret(TransitionContext context, ReceiveMessage received)
    {
        if (!context.TryRead(received, () => WireValues.ReadHash(received.Message.RevealSecret.Secret, "secret"), out var secret))
            return;
        var secretHash = SecretHash.Of(secret);
        // Delivered only says the reveal arrived: it is acknowledged even when it matches nothing (a payment
        // that ended here), or its sender would send it forever. It changes no channel.
        context.Acknowledge(received);
        if (!context.State.Payments.TryGetValue(secretHash, out var task))
        {
            if (!context.State.Secrets.ContainsKey(secretHash))
                context.RefuseMessage(received, RefusalReason.WrongSecret, $"the secret's hash {secretHash} matches no payment of this node");
            return;
        }
        Learn(context, secretHash, secret);
        switch (task)
        {
            case InitiatorTask initiator:
                Initiator.OnSecretFromPayee(context, initiator, received.Sender);
                break;
            case MediatorTask mediator:
                Mediator.OnSecret(context, mediator, secret);
                break;
            case TargetTask target:
                Target.OnSecret(context, target, secret);
                break;
        }
        Cleanup(context, secretHash);
    }

    public static void OnUnlock(TransitionContext context, ReceiveMessage received)
    {
        var unlock = received.Message.Unlock;
        if (!context.TryRead(received, () => (Secret: WireValues.ReadHash(unlock.Secret, "secret"), PaymentId: WireValues.ReadUInt256(unlock.PaymentId, "payment_id")), out var fields))
            return;
        var (secret, paymentId) = fields;
        var secretHash = SecretHash.Of(secret);
        var before = context.State;
        var channel = IncomingProofs.Accept(context, received, unlock.BalanceProof, (channel, sender, proof, additionalHash) =>
            BalanceProofCheck.CheckUnlock(channel, sender, proof, additionalHash, secret));
        if (channel is null)
            return;
        Learn(context, secretHash, secret);
        var unlocked = before.TokenNetworks[channel.TokenNetwork].Channels[channel.ChannelId].Partner.FindLock(secretHash)!;
        switch (context.State.Payments.GetValueOrDefault(secretHash))
        {
            // A secret hash names one payment, so a task that moved on to a rerouted lock still names its initiator.
            case TargetTask target:
                context.Emit(new EventPaymentReceived(channel.TokenNetwork, target.PaymentId, target.Initiator, unlocked.Amount));
                break;
            case MediatorTask mediator:
                Mediator.OnSecret(context, mediator, secret);
                break;
            case null:
                context.Emit(new EventPaymentReceived(channel.TokenNetwork, paymentId, received.Sender, unlocked.Amount));
                break;
        }
        Cleanup(context, secretHash);
    }

    public static void OnLockExpired(TransitionContext context, ReceiveMessage received)
    {
        if (!context.TryRead(received, () => WireValues.ReadHash(received.Message.LockExpired.SecretHash, "secret_hash"), out var secretHash))
            return;
        var before = context.State;
        var channel = IncomingProofs.Accept(context, received, received.Message.LockExpired.BalanceProof, (channel, sender, proof, additionalHash) =>
        {
            // A secret registered on chain in time makes the lock claimable: it cannot expire off-chain.
            if (channel.Partner.FindLock(secretHash) is { } pending && context.State.IsRegisteredBy(secretHash, pending.Expiration))
                return EndTransition.Refuse(RefusalReason.SecretRegistered, $"the secret of lock {pending.LockHash} is registered on chain");
            return BalanceProofCheck.CheckLockExpired(channel, sender, proof, additionalHash, secretHash, context.BlockNumber);
        });
        if (channel is null)
            return;
        var expired = before.TokenNetworks[channel.TokenNetwork].Channels[channel.ChannelId].Partner.FindLock(secretHash)!;
        context.Emit(new EventLockExpired(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, secretHash, expired.Amount));
        Cleanup(context, secretHash);
    }

    /// <summary>The payee gives up our lock: check its Disposed signature, keep it as evidence, answer without the lock, then reroute.</summary>
    public static void OnAnnounceDisposed(TransitionContext context, ReceiveMessage received)
    {
        var announce = received.Message.AnnounceDisposed;
        if (context.ResolveChannel(announce.Channel, out var unknown) is not { } channel)
        {
            context.RefuseMessage(received, unknown!);
            return;
        }
        if (!context.TryRead(received, () => (
                Lock: LockMessages.FromWire(announce.Lock, "lock"),
                PaymentId: WireValues.ReadUInt256(announce.PaymentId, "payment_id"),
                Signature: WireValues.ReadSignature(announce.DisposedSignature, "disposed_signature")), out var fields))
            return;
        var (disposed, paymentId, signature) = fields;
        if (received.Sender != channel.Partner.Address)
        {
            context.RefuseMessage(received, RefusalReason.NotFromPartner, $"the message was sent by {received.Sender}, not the partner {channel.Partner.Address}");
            return;
        }
        var lockHash = disposed.LockHash;
        var additionalHash = MessageCodec.AdditionalHash(received.Message);
        if (!new DisposedProof(channel.ChannelId, lockHash, additionalHash).IsSignedBy(channel.Domain, signature, channel.Partner.Address))
        {
            context.RefuseMessage(received, RefusalReason.InvalidProofSignature, $"the Disposed signature is not {channel.Partner.Address}'s over lock {lockHash}");
            return;
        }
        var evidence = new ProofSignature(additionalHash, signature);
        if (channel.Our.FindLock(disposed.SecretHash) != disposed)
        {
            // Answered already (a re-sent announcement), or the lock left our end another way (expired,
            // unlocked) while the announcement travelled: nothing to give back. The signature still binds
            // the partner, so the hash is never used again and the evidence is kept.
            context.SetChannel(channel with
            {
                Our = channel.Our with { DisposedLockHashes = channel.Our.DisposedLockHashes.Add(lockHash) },
                PartnerDisposals = channel.PartnerDisposals.SetItem(lockHash, evidence),
            });
            context.Acknowledge(received);
            return;
        }
        if (LockMessages.SendDisposedResponse(context, channel, disposed.SecretHash, paymentId) is { } refusal)
        {
            context.RefuseMessage(received, refusal);
            return;
        }
        channel = context.Channel(channel.TokenNetwork, channel.ChannelId)!;
        context.SetChannel(channel with { PartnerDisposals = channel.PartnerDisposals.SetItem(lockHash, evidence) });
        context.Acknowledge(received);
        switch (context.State.Payments.GetValueOrDefault(disposed.SecretHash))
        {
            case InitiatorTask initiator when initiator.ChannelId == channel.ChannelId && initiator.Lock == disposed:
                Initiator.OnDisposed(context, initiator);
                break;
            case MediatorTask mediator:
                Mediator.OnPayeeDisposed(context, mediator, received.Sender);
                break;
        }
        Cleanup(context, disposed.SecretHash);
    }

    /// <summary>The payer's answer to our AnnounceDisposed: a proof without the lock we gave up.</summary>
    public static void OnAnnounceDisposedResponse(TransitionContext context, ReceiveMessage received)
    {
        if (!context.TryRead(received, () => WireValues.ReadHash(received.Message.AnnounceDisposedResponse.SecretHash, "secret_hash"), out var secretHash))
            return;
        var channel = IncomingProofs.Accept(context, received, received.Message.AnnounceDisposedResponse.BalanceProof, (channel, sender, proof, additionalHash) =>
        {
            if (channel.Partner.FindLock(secretHash) is not { } pending || !channel.Partner.DisposedLockHashes.Contains(pending.LockHash))
                return EndTransition.Refuse(RefusalReason.UnknownLock, $"this node disposed no pending lock with secret hash {secretHash}");
            return BalanceProofCheck.CheckDisposed(channel, sender, proof, additionalHash, secretHash);
        });
        if (channel is not null)
            Cleanup(context, secretHash);
    }

    public static void OnBlock(TransitionContext context)
    {
        foreach (var channel in context.State.ChannelsInOrder().ToList())
        {
            ExpireOurLocks(context, channel.TokenNetwork, channel.ChannelId);
            RegisterSecretsInDanger(context, channel.TokenNetwork, channel.ChannelId);
        }
        foreach (var secretHash in context.State.Payments.Keys)
            Cleanup(context, secretHash);
    }

    /// <summary>
    /// A secret registered on chain: every lock of ours with its hash that had not expired by then is
    /// claimable by its payee, so we release it off-chain; what we hold with it, we can claim.
    /// </summary>
    public static void OnSecretRegistered(TransitionContext context, ContractReceiveSecretRevealed revealed)
    {
        if (SecretHash.Of(revealed.Secret) != revealed.SecretHash)
            return;
        var registered = context.State.SecretsRegisteredOnChain;
        if (!registered.TryGetValue(revealed.SecretHash, out var block) || revealed.BlockNumber < block)
            registered = registered.SetItem(revealed.SecretHash, revealed.BlockNumber);
        context.State = context.State with
        {
            SecretsRegisteredOnChain = registered,
            SecretRegistrationsRequested = context.State.SecretRegistrationsRequested.Remove(revealed.SecretHash),
        };
        Learn(context, revealed.SecretHash, revealed.Secret);
        var task = context.State.Payments.GetValueOrDefault(revealed.SecretHash);
        foreach (var channel in context.State.ChannelsInOrder().ToList())
            if (channel.Our.FindLock(revealed.SecretHash) is { } ours && context.State.IsRegisteredBy(revealed.SecretHash, ours.Expiration)
                && LockMessages.SendUnlock(context, channel, revealed.Secret, task?.PaymentId ?? UInt256.Zero) is null
                && task is InitiatorTask initiator && initiator.ChannelId == channel.ChannelId)
                Initiator.Succeed(context, initiator);
        if (context.State.Payments.GetValueOrDefault(revealed.SecretHash) is MediatorTask mediator)
            Mediator.OnSecret(context, mediator, revealed.Secret);
        else if (context.State.Payments.GetValueOrDefault(revealed.SecretHash) is TargetTask target)
            Target.OnSecret(context, target, revealed.Secret);
        Cleanup(context, revealed.SecretHash);
    }

    /// <summary>Our locks past their expiration, whose secrets were not registered in time, go back to us with LockExpired.</summary>
    private static void ExpireOurLocks(TransitionContext context, Address tokenNetwork, UInt256 channelId)
    {
        var channel = context.Channel(tokenNetwork, channelId)!;
        if (!channel.AcceptsTransfers)
            return;
        foreach (var hashTimeLock in channel.Our.Locks)
        {
            if (hashTimeLock.Expiration >= context.BlockNumber || context.State.IsRegisteredBy(hashTimeLock.SecretHash, hashTimeLock.Expiration))
                continue;
            var task = context.State.Payments.GetValueOrDefault(hashTimeLock.SecretHash);
            var current = context.Channel(tokenNetwork, channelId)!;
            if (LockMessages.SendLockExpired(context, current, hashTimeLock.SecretHash, task?.PaymentId ?? UInt256.Zero) is not null)
                continue;
            context.Emit(new EventLockExpired(tokenNetwork, channelId, context.Our, hashTimeLock.SecretHash, hashTimeLock.Amount));
            if (task is InitiatorTask initiator && initiator.ChannelId == channelId && initiator.Lock == hashTimeLock)
                Initiator.Fail(context, initiator, $"the lock expired at block {hashTimeLock.Expiration}");
        }
    }

    /// <summary>
    /// Locks paid to us whose secret we know, that the payer has not released with fewer than a reveal
    /// timeout of blocks left: register the secret on chain (once), so the lock stays claimable.
    /// </summary>
    private static void RegisterSecretsInDanger(TransitionContext context, Address tokenNetwork, UInt256 channelId)
    {
        var channel = context.Channel(tokenNetwork, channelId)!;
        // In a closed channel the claim rules (OnChain/LockClaims) register and unlock on chain.
        if (channel.Status != ChannelStatus.Opened)
            return;
        foreach (var hashTimeLock in channel.Partner.Locks)
        {
            var secretHash = hashTimeLock.SecretHash;
            if (!context.State.Secrets.TryGetValue(secretHash, out var secret)
                || channel.Partner.DisposedLockHashes.Contains(hashTimeLock.LockHash)
                || context.State.SecretsRegisteredOnChain.ContainsKey(secretHash)
                || context.State.SecretRegistrationsRequested.Contains(secretHash)
                || hashTimeLock.Expiration < context.BlockNumber
                || hashTimeLock.Expiration > (UInt256)context.BlockNumber + channel.RevealTimeout)
                continue;
            context.State = context.State with { SecretRegistrationsRequested = context.State.SecretRegistrationsRequested.Add(secretHash) };
            context.Emit(new ContractSendSecretRegister(secret, secretHash));
        }
    }

    /// <summary>
    /// Records a secret. Learning it inside a lock's danger zone registers it at once: waiting for the next
    /// block could be one block too late.
    /// </summary>
    private static void Learn(TransitionContext context, Hash256 secretHash, Hash256 secret)
    {
        if (context.State.Secrets.ContainsKey(secretHash))
            return;
        context.State = context.State with { Secrets = context.State.Secrets.Add(secretHash, secret) };
        foreach (var channel in context.State.ChannelsInOrder().ToList())
            if (channel.Partner.FindLock(secretHash) is not null)
                RegisterSecretsInDanger(context, channel.TokenNetwork, channel.ChannelId);
    }

    /// <summary>
    /// Removes a mediator or target task with no lock left pending. A target task outlives its lock's
    /// expiry: the payer may still unlock it until its LockExpired arrives, and the payment it then
    /// reports must name the initiator.
    /// </summary>
    private static void Cleanup(TransitionContext context, Hash256 secretHash)
    {
        var done = context.State.Payments.GetValueOrDefault(secretHash) switch
        {
            MediatorTask mediator => !Mediator.IsActive(context, mediator),
            TargetTask target => !Target.IsPending(context, target),
            _ => false,
        };
        if (done)
            context.State = context.State with { Payments = context.State.Payments.Remove(secretHash) };
    }
}
