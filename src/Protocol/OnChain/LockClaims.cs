using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.OnChain;

/// <summary>
/// Claiming on chain the locks the partner pays us in a closed channel (its pending locks): the secret is
/// registered first where this node knows it, then each lock is unlocked against the partner's stored proof.
/// </summary>
/// <remarks>
/// Rules, each checked on every pass so that any state change or block may trigger them:
/// - never a lock this node disposed (it signed Disposed: unlocking it would get it punished);
/// - unlock only once the partner's stored proof is the latest one we hold (docs/contracts.md: update
///   before unlocking, since an update voids earlier unlocks' credit), and only while the unlock can be
///   mined by the settle block, and only a lock whose secret was registered at a block ≤ its expiration;
/// - register a known secret only while the registration can be mined by the lock's expiration;
/// - ask once: requests are recorded in <see cref="ChannelClosing"/>.
/// Each unlock names the partner's stored transferred amount it expects, and every unlock raises it by its
/// lock's amount, so the requests of one pass form a chain (each starts where the previous ends) that the
/// contract accepts in order. An unlock this node did not ask for (its monitor's) breaks the chain: the
/// outstanding requests are then asked again from the new stored amount (a lock is still never credited
/// twice against one proof: the contract refuses it).
/// </remarks>
internal static class LockClaims
{
    public static Channel Claim(TransitionContext context, Channel channel)
    {
        if (channel.Status != ChannelStatus.Closed || channel.Closing is not { } closing
            || !ChainWindows.CanLandBy(context.BlockNumber, closing.SettleBlock))
            return channel;
        closing = RegisterSecrets(context, channel, closing);
        closing = Unlock(context, channel, closing);
        if (closing.Equals(channel.Closing))
            return channel;
        channel = channel with { Closing = closing };
        context.SetChannel(channel);
        return channel;
    }

    /// <summary>Records an unlock seen on chain and what it did to the payer's stored transferred amount.</summary>
    public static void OnUnlocked(TransitionContext context, ContractReceiveChannelUnlocked unlocked)
    {
        if (context.Channel(unlocked.TokenNetwork, unlocked.ChannelId) is not { Closing: { } closing } channel || channel.Status != ChannelStatus.Closed)
            return;
        string what;
        if (unlocked.Payee == context.Our)
        {
            // One lock is credited at most once against one stored proof, and the records are cleared
            // when that proof changes: a lock already recorded means this event was seen before.
            if (closing.UnlockedForUs.Contains(unlocked.LockHash))
                return;
            closing = closing with
            {
                Partner = closing.Partner.Unlocked(unlocked.TransferredAmount),
                UnlockedForUs = closing.UnlockedForUs.Add(unlocked.LockHash),
            };
            what = $"lock {unlocked.LockHash} unlocked for us; the partner's transferred amount on chain is {unlocked.TransferredAmount}";
        }
        else if (unlocked.Payee == channel.Partner.Address)
        {
            if (closing.UnlockedForPartner.Contains(unlocked.LockHash))
                return;
            closing = closing with
            {
                Our = closing.Our.Unlocked(unlocked.TransferredAmount),
                UnlockedForPartner = closing.UnlockedForPartner.Add(unlocked.LockHash),
            };
            what = $"lock {unlocked.LockHash} unlocked for the partner; our transferred amount on chain is {unlocked.TransferredAmount}";
        }
        else
        {
            return;
        }
        channel = channel with { Closing = closing };
        context.SetChannel(channel);
        context.Emit(new EventChannelChanged(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, channel.Status, what));
        if (unlocked.Payee == context.Our)
            Claim(context, channel);
        else
            Punishments.OnPartnerUnlocked(context, channel, unlocked.LockHash);
    }

    /// <summary>Records the registration (the earliest block counts) and claims what it made claimable in every closed channel.</summary>
    public static void OnSecretRegistered(TransitionContext context, ContractReceiveSecretRevealed revealed)
    {
        if (!context.State.SecretsRegisteredOnChain.ContainsKey(revealed.SecretHash))
            context.State = context.State with { SecretsRegisteredOnChain = context.State.SecretsRegisteredOnChain.Add(revealed.SecretHash, revealed.BlockNumber) };
        foreach (var channel in ClosedChannels.Of(context.State))
            Claim(context, channel);
    }

    private static ChannelClosing RegisterSecrets(TransitionContext context, Channel channel, ChannelClosing closing)
    {
        var state = context.State;
        foreach (var hashTimeLock in channel.Partner.Locks)
        {
            var secretHash = hashTimeLock.SecretHash;
            if (channel.Partner.DisposedLockHashes.Contains(hashTimeLock.LockHash)
                || state.SecretsRegisteredOnChain.ContainsKey(secretHash)
                || closing.SecretRegistrations.Contains(secretHash)
                || context.State.SecretRegistrationsRequested.Contains(secretHash)
                || !state.Secrets.TryGetValue(secretHash, out var secret)
                || !ChainWindows.CanLandBy(context.BlockNumber, hashTimeLock.Expiration))
                continue;
            // One registration per secret for the whole node, whichever rule (payments or claims) asks first.
            context.State = context.State with { SecretRegistrationsRequested = context.State.SecretRegistrationsRequested.Add(secretHash) };
            context.Emit(new ContractSendSecretRegister(secret, secretHash));
            closing = closing with { SecretRegistrations = closing.SecretRegistrations.Add(secretHash) };
        }
        return closing;
    }

    private static ChannelClosing Unlock(TransitionContext context, Channel channel, ChannelClosing closing)
    {
        var partner = channel.Partner;
        // The stored proof must be the one whose locks we hold, or the Merkle proofs would not match.
        if (partner.Nonce == 0 || closing.Partner.Nonce != partner.Nonce || closing.Partner.Values is not { } stored || stored.Locksroot != partner.Locksroot)
            return closing;
        var requests = closing.UnlockRequests;
        var outstanding = requests.Where(r => !closing.UnlockedForUs.Contains(r.Lock.LockHash)).ToList();
        var next = stored.TransferredAmount;
        var chained = true;
        foreach (var request in outstanding)
        {
            if (request.TransferredAmount != next)
            {
                chained = false;
                break;
            }
            next = request.TransferredAfter;
        }
        if (!chained)
        {
            next = stored.TransferredAmount;
            requests = requests.RemoveAll(r => !closing.UnlockedForUs.Contains(r.Lock.LockHash));
            foreach (var request in outstanding)
            {
                requests = requests.Add(Request(context, channel, request.Lock, next));
                next = requests[^1].TransferredAfter;
            }
        }
        foreach (var hashTimeLock in partner.Locks)
        {
            var lockHash = hashTimeLock.LockHash;
            if (partner.DisposedLockHashes.Contains(lockHash)
                || closing.UnlockedForUs.Contains(lockHash)
                || requests.Exists(r => r.Lock.LockHash == lockHash)
                || !context.State.IsRegisteredBy(hashTimeLock.SecretHash, hashTimeLock.Expiration))
                continue;
            requests = requests.Add(Request(context, channel, hashTimeLock, next));
            next = requests[^1].TransferredAfter;
        }
        return closing with { UnlockRequests = requests };
    }

    private static UnlockRequest Request(TransitionContext context, Channel channel, HashTimeLock hashTimeLock, UInt256 transferredAmount)
    {
        var proof = channel.Partner.LocksTree.ProofFor(hashTimeLock.LockHash);
        context.Emit(new ContractSendChannelUnlock(channel.TokenNetwork, channel.ChannelId, channel.Partner.Address, transferredAmount, hashTimeLock, proof));
        return new UnlockRequest(hashTimeLock, transferredAmount);
    }
}
