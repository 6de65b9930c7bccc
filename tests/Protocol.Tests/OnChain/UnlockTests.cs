using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>Claiming the partner's locks (paid to us) in a closed channel: update first, registered secrets only, each lock once.</summary>
public sealed class UnlockTests
{
    private static readonly HashTimeLock First = Lock(1, 40, expiration: 300);
    private static readonly HashTimeLock Second = Lock(2, 25, expiration: 300);
    private static readonly HashTimeLock Third = Lock(3, 7, expiration: 300);

    [Fact]
    public void Unlocks_wait_for_our_update_when_the_partner_closed()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.PartnerLocks(First);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 30), block: 30);

        var closing = pair.Us.Apply(pair.Chain.CloseWith(Partner, 0, Hash256.Zero, block: 40), block: 40);
        var update = Assert.Single(closing.OfType<ContractSendChannelUpdate>());
        Assert.Empty(closing.OfType<ContractSendChannelUnlock>());
        Assert.Empty(pair.Us.AdvanceTo(41).OfType<ContractSendChannelUnlock>());

        var updated = pair.Us.Apply(pair.Chain.Update(Us, update, block: 42), block: 42);

        var unlock = Assert.Single(updated.OfType<ContractSendChannelUnlock>());
        Assert.Equal(new ContractSendChannelUnlock(TokenNetwork, ChannelId, Partner, 100, First, pair.Us.Channel.Partner.LocksTree.ProofFor(First.LockHash)), unlock);
        var unlocked = pair.Chain.Unlock(Us, unlock, block: 43);
        Assert.Equal(new UInt256(140), unlocked.TransferredAmount);
        pair.Us.Apply(unlocked, block: 43);
        Assert.Empty(pair.Us.AdvanceTo(44).OfType<ContractSendChannelUnlock>());
    }

    [Fact]
    public void Unlocks_wait_for_our_update_even_when_an_older_partner_proof_with_the_same_balance_hash_is_stored()
    {
        var pair = new ChannelPair();
        var shortLived = Lock(2, 25, expiration: 20);
        pair.PartnerLocks(First);
        var older = pair.Us.Channel.Partner;
        pair.PartnerLocks(shortLived);
        pair.Us.AdvanceTo(21);
        pair.PartnerExpires(shortLived);
        // Nonce 3 commits to the same values as nonce 1: one pending lock, nothing transferred.
        Assert.Equal(3UL, pair.Us.Channel.Partner.Nonce);
        Assert.Equal(older.BalanceHash, pair.Us.Channel.Partner.BalanceHash);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 30), block: 30);
        var update = Assert.Single(pair.Us.Apply(pair.Chain.CloseWith(Partner, 0, Hash256.Zero, block: 40), block: 40).OfType<ContractSendChannelUpdate>());

        // A monitor's update lands first with the older proof: our own (nonce 3) will replace it, and with it
        // the credit of any unlock made before, so the node still waits.
        var monitors = new ContractSendChannelUpdate(TokenNetwork, ChannelId, Partner, older.BalanceHash, older.Nonce, older.Signature!.AdditionalHash, older.Signature.Signature);
        Assert.Empty(pair.Us.Apply(pair.Chain.Update(Us, monitors, block: 41), block: 41).OfType<ContractSendChannelUnlock>());
        // ... and unlocks against it: a credit our update then erases.
        Assert.Empty(pair.Us.Apply(pair.Chain.UnlockBy(Us, Partner, 0, First, older.LocksTree, block: 41), block: 41).OfType<ContractSendChannelUnlock>());

        var unlock = Assert.Single(pair.Us.Apply(pair.Chain.Update(Us, update, block: 42), block: 42).OfType<ContractSendChannelUnlock>());
        Assert.Equal(UInt256.Zero, unlock.TransferredAmount);
        pair.Chain.Unlock(Us, unlock, block: 43);
    }

    [Fact]
    public void Unlocks_follow_our_own_close_at_once_since_it_stored_the_partners_latest_proof()
    {
        var pair = new ChannelPair();
        pair.PartnerLocks(First);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 30), block: 30);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var events = pair.Us.Apply(pair.Chain.Close(Us, close, block: 40), block: 40);

        var unlock = Assert.Single(events.OfType<ContractSendChannelUnlock>());
        Assert.Equal(UInt256.Zero, unlock.TransferredAmount);
        pair.Chain.Unlock(Us, unlock, block: 41);
    }

    [Fact]
    public void Only_locks_whose_secret_was_registered_by_their_expiration_are_unlocked()
    {
        var pair = new ChannelPair();
        var expiresEarly = Lock(2, 25, expiration: 100);
        pair.PartnerLocks(First);
        pair.PartnerLocks(expiresEarly);
        pair.PartnerLocks(Third);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 30), block: 30);
        // Registered one block after its lock expired: the contract refuses to count it.
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(2), block: 101), block: 101);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var events = pair.Us.Apply(pair.Chain.Close(Us, close, block: 110), block: 110);

        var unlock = Assert.Single(events.OfType<ContractSendChannelUnlock>());
        Assert.Equal(First, unlock.Lock);
        Assert.Empty(events.OfType<ContractSendSecretRegister>());
        pair.Chain.Unlock(Us, unlock, block: 111);
        var tooLate = new ContractSendChannelUnlock(TokenNetwork, ChannelId, Partner, unlock.TransferredAmount + First.Amount, expiresEarly, pair.Us.Channel.Partner.LocksTree.ProofFor(expiresEarly.LockHash));
        Assert.Throws<ContractRevertException>(() => pair.Chain.Unlock(Us, tooLate, block: 111));
    }

    [Fact]
    public void A_known_secret_not_registered_is_registered_once_then_its_lock_is_unlocked()
    {
        var pair = new ChannelPair();
        pair.PartnerLocks(First);
        pair.WeLearnSecret(1);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var closed = pair.Us.Apply(pair.Chain.Close(Us, close, block: 40), block: 40);

        Assert.Equal(new ContractSendSecretRegister(Secret(1), First.SecretHash), Assert.Single(closed.OfType<ContractSendSecretRegister>()));
        Assert.Empty(closed.OfType<ContractSendChannelUnlock>());
        Assert.Empty(pair.Us.AdvanceTo(41));

        var registered = pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 42), block: 42);

        var unlock = Assert.Single(registered.OfType<ContractSendChannelUnlock>());
        Assert.Equal(First, unlock.Lock);
        pair.Chain.Unlock(Us, unlock, block: 43);
    }

    [Fact]
    public void No_secret_is_registered_once_the_registration_cannot_be_mined_by_the_locks_expiration()
    {
        var pair = new ChannelPair();
        pair.PartnerLocks(Lock(1, 40, expiration: 100));
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        Assert.Empty(pair.Us.Apply(pair.Chain.Close(Us, close, block: 40), block: 40).OfType<ContractSendSecretRegister>());
        var closed = pair.Us.State;

        pair.WeLearnSecret(1);
        Assert.Single(pair.Us.AdvanceTo(99).OfType<ContractSendSecretRegister>());

        pair.Us.State = closed;
        pair.WeLearnSecret(1);
        Assert.Empty(pair.Us.AdvanceTo(100));
    }

    [Fact]
    public void A_lock_we_disposed_is_neither_registered_nor_unlocked()
    {
        var pair = new ChannelPair();
        pair.PartnerLocks(First);
        pair.PartnerLocks(Second);
        pair.PartnerLocks(Third);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 30), block: 30);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(2), block: 30), block: 30);
        pair.WeLearnSecret(3);
        pair.WeDispose(First);
        pair.WeDispose(Third);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var events = pair.Us.Apply(pair.Chain.Close(Us, close, block: 40), block: 40);

        Assert.Equal(Second, Assert.Single(events.OfType<ContractSendChannelUnlock>()).Lock);
        Assert.Empty(events.OfType<ContractSendSecretRegister>());
    }

    [Fact]
    public void Several_unlocks_chain_their_transferred_amounts_so_the_contract_takes_them_in_order_each_once()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        foreach (var hashTimeLock in new[] { First, Second, Third })
            pair.PartnerLocks(hashTimeLock);
        foreach (var secret in new[] { 1, 2, 3 })
            pair.Us.Apply(pair.Chain.RegisterSecret(Secret(secret), block: 30), block: 30);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var unlocks = pair.Us.Apply(pair.Chain.Close(Us, close, block: 40), block: 40).OfType<ContractSendChannelUnlock>().ToList();

        Assert.Equal([First, Second, Third], unlocks.Select(u => u.Lock));
        Assert.Equal([new UInt256(100), new UInt256(140), new UInt256(165)], unlocks.Select(u => u.TransferredAmount));
        var block = 41UL;
        foreach (var unlock in unlocks)
        {
            var unlocked = pair.Chain.Unlock(Us, unlock, block);
            Assert.Empty(pair.Us.Apply(unlocked, block).OfType<ContractSendChannelUnlock>());
            Assert.Empty(pair.Us.AdvanceTo(++block));
        }
        Assert.Equal(BalanceHash.Compute(172, pair.Us.Channel.Partner.Locksroot), pair.Chain.BalanceHashOf(Partner));
        Assert.Throws<ContractRevertException>(() => pair.Chain.Unlock(Us, unlocks[0] with { TransferredAmount = 172 }, block));
    }

    [Fact]
    public void An_unlock_the_node_did_not_ask_for_makes_it_ask_again_for_the_outstanding_ones_from_the_new_amount()
    {
        var pair = new ChannelPair();
        foreach (var hashTimeLock in new[] { First, Second, Third })
            pair.PartnerLocks(hashTimeLock);
        foreach (var secret in new[] { 1, 2, 3 })
            pair.Us.Apply(pair.Chain.RegisterSecret(Secret(secret), block: 30), block: 30);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        var asked = pair.Us.Apply(pair.Chain.Close(Us, close, block: 40), block: 40).OfType<ContractSendChannelUnlock>().ToList();
        Assert.Equal(3, asked.Count);

        // A monitor unlocks the third lock first: the chain of requests no longer matches the stored amount.
        var foreign = pair.Chain.UnlockBy(Us, Partner, 0, Third, pair.Us.Channel.Partner.LocksTree, block: 41);
        var again = pair.Us.Apply(foreign, block: 41).OfType<ContractSendChannelUnlock>().ToList();

        Assert.Equal([First, Second], again.Select(u => u.Lock));
        Assert.Equal([new UInt256(7), new UInt256(47)], again.Select(u => u.TransferredAmount));
        Assert.Throws<ContractRevertException>(() => pair.Chain.Unlock(Us, asked[0], block: 42));
        foreach (var unlock in again)
            pair.Us.Apply(pair.Chain.Unlock(Us, unlock, block: 42), block: 42);
        Assert.Equal(BalanceHash.Compute(72, pair.Us.Channel.Partner.Locksroot), pair.Chain.BalanceHashOf(Partner));
        Assert.Empty(pair.Us.AdvanceTo(43));
    }

    [Fact]
    public void No_unlock_is_asked_once_it_cannot_be_mined_by_the_settle_block()
    {
        var pair = new ChannelPair();
        pair.PartnerLocks(First);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        pair.Us.Apply(pair.Chain.Close(Us, close, block: 20), block: 20);
        var settleBlock = 20 + SettleTimeout;
        var closed = pair.Us.State;
        // Registered in time (block 100), seen late by the node.
        var registered = pair.Chain.RegisterSecret(Secret(1), block: 100);

        var inTime = Assert.Single(pair.Us.Apply(registered, block: settleBlock - 1).OfType<ContractSendChannelUnlock>());
        pair.Chain.Unlock(Us, inTime, block: settleBlock);

        pair.Us.State = closed;
        Assert.Empty(pair.Us.Apply(registered, block: settleBlock).OfType<ContractSendChannelUnlock>());
    }
}
