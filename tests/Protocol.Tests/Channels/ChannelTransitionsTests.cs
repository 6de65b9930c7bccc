using System.Collections.Immutable;
using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.Channels;

public sealed class ChannelTransitionsTests
{
    [Fact]
    public void Direct_transfer_raises_the_transferred_amount_by_exactly_the_amount_and_keeps_the_locks()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 30), block: 10)));

        var end = Expect(ChannelTransitions.ApplyDirectTransfer(channel, Us, 250));

        Assert.Equal(new UInt256(250), end.TransferredAmount);
        Assert.Equal(2UL, end.Nonce);
        Assert.Equal(channel.Our.Locks, end.Locks);
        Assert.Equal(new UInt256(30), end.LockedAmount);
        Assert.Null(end.Signature);
    }

    [Fact]
    public void Transfers_and_locks_of_zero_are_refused()
    {
        var channel = Opened();
        AssertRefused(ChannelTransitions.ApplyDirectTransfer(channel, Us, 0), RefusalReason.ZeroAmount);
        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 0), block: 10), RefusalReason.ZeroAmount);
    }

    [Fact]
    public void A_lock_is_appended_in_insertion_order_with_locked_amount_and_locksroot_of_all_pending_locks()
    {
        var channel = Opened();
        HashTimeLock[] locks = [Lock(1, 10), Lock(2, 20), Lock(3, 30)];
        foreach (var hashTimeLock in locks)
            channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, hashTimeLock, block: 10)));

        Assert.Equal(locks, channel.Our.Locks);
        Assert.Equal(new UInt256(60), channel.Our.LockedAmount);
        Assert.Equal(new LocksMerkleTree(locks.Select(l => l.LockHash)).Root, channel.Our.Locksroot);
        Assert.Equal(UInt256.Zero, channel.Our.TransferredAmount);
        Assert.Equal(3UL, channel.Our.Nonce);
    }

    [Fact]
    public void A_lock_already_pending_is_refused()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10), block: 10)));

        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10), block: 10), RefusalReason.DuplicateLock);
    }

    [Fact]
    public void A_second_lock_with_a_pending_secret_hash_is_refused_even_with_another_amount()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10), block: 10)));

        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 11), block: 10), RefusalReason.DuplicateLock);
    }

    [Fact]
    public void A_lock_disposed_in_the_channel_is_refused_in_either_direction()
    {
        var disposed = Lock(1, 10);
        var channel = Opened();
        var disposedByPartner = channel with { Our = channel.Our with { DisposedLockHashes = [disposed.LockHash] } };
        var disposedByUs = channel with { Partner = channel.Partner with { DisposedLockHashes = [disposed.LockHash] } };

        AssertRefused(ChannelTransitions.ApplyLock(disposedByPartner, Us, disposed, block: 10), RefusalReason.DisposedLock);
        AssertRefused(ChannelTransitions.ApplyLock(disposedByUs, Us, disposed, block: 10), RefusalReason.DisposedLock);
        AssertRefused(ChannelTransitions.ApplyLock(disposedByUs, Partner, disposed, block: 10), RefusalReason.DisposedLock);
        // Another lock with the same secret but another hash was never disposed.
        Expect(ChannelTransitions.ApplyLock(disposedByPartner, Us, Lock(1, 11), block: 10));
    }

    [Fact]
    public void A_lock_must_expire_after_the_current_block_and_at_most_a_settle_timeout_later()
    {
        var channel = Opened();
        const ulong block = 1_000;

        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10, expiration: block - 1), block), RefusalReason.LockExpirationNotInFuture);
        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10, expiration: block), block), RefusalReason.LockExpirationNotInFuture);
        Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10, expiration: block + 1), block));
        Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10, expiration: block + SettleTimeout), block));
        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10, expiration: block + SettleTimeout + 1), block), RefusalReason.LockExpirationTooFar);
    }

    [Fact]
    public void A_lock_expiring_beyond_uint64_blocks_is_refused_without_overflow()
    {
        var channel = Opened();
        var far = new HashTimeLock(UInt256.MaxValue, 10, SecretHash.Of(Secret(1)));

        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, far, ulong.MaxValue), RefusalReason.LockExpirationTooFar);
    }

    [Fact]
    public void Unlock_moves_exactly_the_lock_amount_to_transferred_and_keeps_the_other_locks_in_order()
    {
        var channel = Opened();
        foreach (var hashTimeLock in new[] { Lock(1, 10), Lock(2, 20), Lock(3, 30) })
            channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, hashTimeLock, block: 10)));
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyDirectTransfer(channel, Us, 5)));

        var end = Expect(ChannelTransitions.ApplyUnlock(channel, Us, Secret(2)));

        Assert.Equal(new UInt256(25), end.TransferredAmount);
        Assert.Equal([Lock(1, 10), Lock(3, 30)], end.Locks);
        Assert.Equal(new UInt256(40), end.LockedAmount);
        Assert.Equal(LocksMerkleTree.FromLocks([Lock(1, 10), Lock(3, 30)]).Root, end.Locksroot);
        Assert.Equal(5UL, end.Nonce);
    }

    [Fact]
    public void Unlock_with_a_secret_of_no_pending_lock_is_refused()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10), block: 10)));

        AssertRefused(ChannelTransitions.ApplyUnlock(channel, Us, Secret(9)), RefusalReason.UnknownLock);
        AssertRefused(ChannelTransitions.ApplyUnlock(channel, Partner, Secret(1)), RefusalReason.UnknownLock);
    }

    [Fact]
    public void An_expired_lock_is_removed_only_once_the_block_is_past_its_expiration_and_its_amount_stays_with_the_payer()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10, expiration: 300), block: 10)));
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(2, 20, expiration: 400), block: 10)));
        var secretHash = SecretHash.Of(Secret(1));

        AssertRefused(ChannelTransitions.ApplyLockExpired(channel, Us, secretHash, block: 299), RefusalReason.LockNotExpired);
        AssertRefused(ChannelTransitions.ApplyLockExpired(channel, Us, secretHash, block: 300), RefusalReason.LockNotExpired);
        var end = Expect(ChannelTransitions.ApplyLockExpired(channel, Us, secretHash, block: 301));

        Assert.Equal([Lock(2, 20, expiration: 400)], end.Locks);
        Assert.Equal(new UInt256(20), end.LockedAmount);
        Assert.Equal(UInt256.Zero, end.TransferredAmount);
        Assert.Equal(3UL, end.Nonce);
        AssertRefused(ChannelTransitions.ApplyLockExpired(channel, Us, SecretHash.Of(Secret(9)), block: 1_000), RefusalReason.UnknownLock);
    }

    [Fact]
    public void Exactly_the_distributable_amount_can_be_committed_and_one_more_is_refused()
    {
        var channel = Opened(ourDeposit: 1_000, partnerDeposit: 500);
        channel = channel with { Our = channel.Our with { TotalWithdraw = 100 }, Partner = channel.Partner with { TransferredAmount = 40, Nonce = 2 } };
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 300), block: 10)));
        // 1000 − 100 + 40 − 0 − 300
        Assert.Equal(new UInt256(640), Balances.Distributable(channel.Our, channel.Partner));

        AssertRefused(ChannelTransitions.ApplyDirectTransfer(channel, Us, 641), RefusalReason.InsufficientCapacity);
        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, Lock(2, 641), block: 10), RefusalReason.InsufficientCapacity);
        var paid = Expect(ChannelTransitions.ApplyDirectTransfer(channel, Us, 640));
        Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(2, 640), block: 10));

        Assert.Equal(UInt256.Zero, Balances.Distributable(paid, channel.Partner));
        AssertRefused(ChannelTransitions.ApplyDirectTransfer(channel.WithEnd(paid), Us, 1), RefusalReason.InsufficientCapacity);
    }

    [Fact]
    public void Amounts_near_two_to_the_256_are_refused_without_overflow()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyDirectTransfer(channel, Us, 1)));

        AssertRefused(ChannelTransitions.ApplyDirectTransfer(channel, Us, UInt256.MaxValue), RefusalReason.InsufficientCapacity);
        AssertRefused(ChannelTransitions.ApplyLock(channel, Us, new HashTimeLock(300, UInt256.MaxValue, SecretHash.Of(Secret(1))), 10), RefusalReason.InsufficientCapacity);
    }

    [Fact]
    public void No_proof_changes_once_the_channel_is_closed()
    {
        var channel = Opened();
        channel = channel.WithEnd(Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10), block: 10)));
        var closed = channel with { Status = ChannelStatus.Closed };

        AssertRefused(ChannelTransitions.ApplyDirectTransfer(closed, Us, 1), RefusalReason.ChannelNotOpened);
        AssertRefused(ChannelTransitions.ApplyLock(closed, Us, Lock(2, 10), block: 10), RefusalReason.ChannelNotOpened);
        AssertRefused(ChannelTransitions.ApplyUnlock(closed, Us, Secret(1)), RefusalReason.ChannelNotOpened);
        AssertRefused(ChannelTransitions.ApplyLockExpired(closed with { Status = ChannelStatus.Settled }, Us, SecretHash.Of(Secret(1)), 1_000), RefusalReason.ChannelNotOpened);
    }

    [Fact]
    public void The_nonce_never_reaches_two_to_the_48()
    {
        var channel = Opened();
        var last = channel with { Our = channel.Our with { Nonce = ChannelTransitions.NonceLimit - 2 } };

        Assert.Equal(ChannelTransitions.NonceLimit - 1, Expect(ChannelTransitions.ApplyDirectTransfer(last, Us, 1)).Nonce);
        var exhausted = channel with { Our = channel.Our with { Nonce = ChannelTransitions.NonceLimit - 1 } };
        AssertRefused(ChannelTransitions.ApplyDirectTransfer(exhausted, Us, 1), RefusalReason.NonceLimitReached);
    }

    [Fact]
    public void A_payer_outside_the_channel_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => ChannelTransitions.ApplyDirectTransfer(Opened(), StrangerKey.Address, 1));
    }

    [Fact]
    public void Transitions_leave_the_channel_they_were_given_unchanged()
    {
        var channel = Opened();
        var before = channel with { };

        Expect(ChannelTransitions.ApplyLock(channel, Us, Lock(1, 10), block: 10));

        Assert.Equal(before, channel);
        Assert.Empty(channel.Our.Locks);
        Assert.Equal(ImmutableHashSet<Hash256>.Empty, channel.Our.DisposedLockHashes);
    }
}
