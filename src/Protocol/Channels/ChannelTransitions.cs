using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Protocol.Channels;

/// <summary>
/// The transitions that produce a new balance proof, one function each, used both ways: to build
/// our outgoing proof (payer = us) and to compute the state a partner's incoming proof must
/// describe (payer = partner; <see cref="BalanceProofCheck"/> compares the proof against it).
/// Each returns the payer's new end with the next nonce and no signature yet, or a refusal; the
/// channel is never modified (it is immutable).
/// </summary>
public static class ChannelTransitions
{
    /// <summary>The contracts take nonces below 2^48.</summary>
    public const ulong NonceLimit = Contracts.ContractBounds.MaxNonce + 1;

    /// <summary>Pays <paramref name="amount"/> directly: transferred rises by exactly that, locks unchanged.</summary>
    public static EndTransition ApplyDirectTransfer(Channel channel, Address payer, UInt256 amount)
    {
        if (Prepare(channel, payer) is { } refusal)
            return refusal;
        var (end, partner) = channel.EndsOf(payer);
        if (amount.IsZero)
            return EndTransition.Refuse(RefusalReason.ZeroAmount, "a direct transfer of zero pays nothing");
        var transferred = WideAmount.Sum(end.TransferredAmount, amount);
        if (transferred.Carries != 0 || !Balances.CanCommit(end, partner, transferred.Low, end.LockedAmount))
            return Insufficient(end, partner, amount);
        return Next(end with { TransferredAmount = transferred.Low });
    }

    /// <summary>
    /// Adds <paramref name="hashTimeLock"/> to the payer's pending locks. Refused when the lock or its
    /// secret hash is already pending, when its hash was disposed in this channel, when it does not
    /// expire after <paramref name="block"/> or expires after block + settle timeout, or beyond capacity.
    /// </summary>
    /// <param name="channel">The channel as it stands.</param>
    /// <param name="payer">Who adds the lock: this node, or the partner whose proof is being checked.</param>
    /// <param name="hashTimeLock">The new lock.</param>
    /// <param name="block">The current block.</param>
    /// <param name="received">
    /// True when checking a lock the partner sent. A lock that expired while its transfer was on its way is
    /// then accepted (its payer removes it with LockExpired; this node takes no part in its payment):
    /// refusing it would leave the partner's nonce sequence stuck for good, since the transfer can only
    /// ever arrive later. A lock too far in the future is still refused: an honest sender's lock becomes
    /// acceptable as this node's block catches up, so its retry succeeds.
    /// </param>
    public static EndTransition ApplyLock(Channel channel, Address payer, HashTimeLock hashTimeLock, ulong block, bool received = false)
    {
        ArgumentNullException.ThrowIfNull(hashTimeLock);
        if (Prepare(channel, payer) is { } refusal)
            return refusal;
        var (end, partner) = channel.EndsOf(payer);
        if (hashTimeLock.Amount.IsZero)
            return EndTransition.Refuse(RefusalReason.ZeroAmount, "a lock of zero pays nothing");
        var lockHash = hashTimeLock.LockHash;
        if (end.LocksTree.Contains(lockHash))
            return EndTransition.Refuse(RefusalReason.DuplicateLock, $"lock {lockHash} is already pending");
        if (end.FindLock(hashTimeLock.SecretHash) is not null)
            return EndTransition.Refuse(RefusalReason.DuplicateLock, $"a lock with secret hash {hashTimeLock.SecretHash} is already pending");
        // A Disposed signature names only the channel and the lock hash, so it stays valid for the
        // channel's life: a lock with that hash, in either direction, must never be pending again.
        if (end.DisposedLockHashes.Contains(lockHash) || partner.DisposedLockHashes.Contains(lockHash))
            return EndTransition.Refuse(RefusalReason.DisposedLock, $"lock {lockHash} was disposed in this channel");
        if (!received && hashTimeLock.Expiration <= block)
            return EndTransition.Refuse(RefusalReason.LockExpirationNotInFuture, $"the lock expires at block {hashTimeLock.Expiration}, not after the current block {block}");
        var latest = (UInt256)block + channel.SettleTimeout;
        if (hashTimeLock.Expiration > latest)
            return EndTransition.Refuse(RefusalReason.LockExpirationTooFar, $"the lock expires at block {hashTimeLock.Expiration}, after block {block} + settle timeout {channel.SettleTimeout}");
        var locked = WideAmount.Sum(end.LockedAmount, hashTimeLock.Amount);
        if (locked.Carries != 0 || !Balances.CanCommit(end, partner, end.TransferredAmount, locked.Low))
            return Insufficient(end, partner, hashTimeLock.Amount);
        return Next(end with { Locks = end.Locks.Add(hashTimeLock) });
    }

    /// <summary>Removes the pending lock with sha256(<paramref name="secret"/>) and adds its amount to the transferred amount.</summary>
    public static EndTransition ApplyUnlock(Channel channel, Address payer, Hash256 secret)
    {
        if (Prepare(channel, payer) is { } refusal)
            return refusal;
        var (end, _) = channel.EndsOf(payer);
        var secretHash = SecretHash.Of(secret);
        if (end.FindLock(secretHash) is not { } unlocked)
            return EndTransition.Refuse(RefusalReason.UnknownLock, $"no pending lock has secret hash {secretHash}");
        // Cannot overflow: transferred + locked fits in a uint256 (ChannelEnd invariant) and amount ≤ locked.
        return Next(end with { TransferredAmount = end.TransferredAmount + unlocked.Amount, Locks = end.Locks.Remove(unlocked) });
    }

    /// <summary>
    /// Removes the pending lock with <paramref name="secretHash"/> once <paramref name="block"/> is past its
    /// expiration (its amount stays with the payer). Before that, the payee may still register the secret.
    /// </summary>
    public static EndTransition ApplyLockExpired(Channel channel, Address payer, Hash256 secretHash, ulong block)
    {
        if (Prepare(channel, payer) is { } refusal)
            return refusal;
        var (end, _) = channel.EndsOf(payer);
        if (end.FindLock(secretHash) is not { } expired)
            return EndTransition.Refuse(RefusalReason.UnknownLock, $"no pending lock has secret hash {secretHash}");
        if (block <= expired.Expiration)
            return EndTransition.Refuse(RefusalReason.LockNotExpired, $"the lock expires at block {expired.Expiration}; block {block} is not past it");
        return Next(end with { Locks = end.Locks.Remove(expired) });
    }

    /// <summary>
    /// Removes the pending lock with <paramref name="secretHash"/> that the payee disposed (AnnounceDisposed)
    /// and records its lock hash as disposed for the channel's life: its amount stays with the payer, and no
    /// lock with that hash may be pending again in either direction (docs/contracts.md).
    /// </summary>
    public static EndTransition ApplyDisposed(Channel channel, Address payer, Hash256 secretHash)
    {
        if (Prepare(channel, payer) is { } refusal)
            return refusal;
        var (end, _) = channel.EndsOf(payer);
        if (end.FindLock(secretHash) is not { } disposed)
            return EndTransition.Refuse(RefusalReason.UnknownLock, $"no pending lock has secret hash {secretHash}");
        return Next(end with { Locks = end.Locks.Remove(disposed), DisposedLockHashes = end.DisposedLockHashes.Add(disposed.LockHash) });
    }

    private static EndTransition? Prepare(Channel channel, Address payer)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var (end, _) = channel.EndsOf(payer);
        if (channel.Status != ChannelStatus.Opened)
            return EndTransition.Refuse(RefusalReason.ChannelNotOpened, $"channel {channel.ChannelId} is {channel.Status}");
        if (!channel.AcceptsTransfers)
            return EndTransition.Refuse(RefusalReason.ChannelFrozen, channel.CloseRequested ? $"channel {channel.ChannelId} is being closed" : $"channel {channel.ChannelId} is being settled cooperatively");
        if (end.Nonce >= NonceLimit - 1)
            return EndTransition.Refuse(RefusalReason.NonceLimitReached, $"nonce {end.Nonce} is the last below 2^48; the channel must be closed");
        return null;
    }

    private static EndTransition Next(ChannelEnd end) => EndTransition.Accept(end with { Nonce = end.Nonce + 1, Signature = null });

    private static EndTransition Insufficient(ChannelEnd end, ChannelEnd partner, UInt256 amount) =>
        EndTransition.Refuse(RefusalReason.InsufficientCapacity, $"{end.Address} cannot pay {amount} more: {Balances.Distributable(end, partner)} is distributable");
}
