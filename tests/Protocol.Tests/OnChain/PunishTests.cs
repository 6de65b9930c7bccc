using Photon.Contracts.Locks;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>The partner unlocks on chain a lock of ours it gave up (signed Disposed): we punish it, once, within the punish window.</summary>
public sealed class PunishTests
{
    private static readonly HashTimeLock Disposed = Lock(1, 40, expiration: 300);
    private static readonly HashTimeLock AlsoDisposed = Lock(2, 25, expiration: 300);
    private static readonly HashTimeLock Kept = Lock(3, 7, expiration: 300);

    /// <summary>We locked three locks to the partner, it disposed two; it closed with our latest proof and registered every secret.</summary>
    private static ChannelPair PartnerClosedWithOurLocks()
    {
        var pair = new ChannelPair();
        pair.WePay(10);
        foreach (var hashTimeLock in new[] { Disposed, AlsoDisposed, Kept })
            pair.WeLock(hashTimeLock);
        pair.PartnerDisposes(Disposed);
        pair.PartnerDisposes(AlsoDisposed);
        var our = pair.Us.Channel.Our;
        pair.Us.Apply(pair.Chain.CloseWith(Partner, our.Nonce, our.BalanceHash, block: 40), block: 40);
        foreach (var secret in new[] { 1, 2, 3 })
            pair.Us.Apply(pair.Chain.RegisterSecret(Secret(secret), block: 41), block: 41);
        return pair;
    }

    private static ContractReceiveChannelUnlocked PartnerUnlocks(ChannelPair pair, HashTimeLock hashTimeLock, ulong transferred, ulong block) =>
        pair.Chain.UnlockBy(Partner, Us, transferred, hashTimeLock, pair.Us.Channel.Our.LocksTree, block);

    [Fact]
    public void An_obsolete_unlock_is_punished_with_the_partners_Disposed_signature()
    {
        var pair = PartnerClosedWithOurLocks();
        var evidence = pair.Us.Channel.PartnerDisposals[Disposed.LockHash];

        var events = pair.Us.Apply(PartnerUnlocks(pair, Disposed, transferred: 10, block: 50), block: 50);

        var punish = Assert.Single(events.OfType<ContractSendPunishObsoleteUnlock>());
        Assert.Equal(new ContractSendPunishObsoleteUnlock(TokenNetwork, ChannelId, Us, Partner, Disposed.LockHash, evidence.AdditionalHash, evidence.Signature), punish);
        var punished = pair.Chain.Punish(punish, block: 51);
        pair.Us.Apply(punished, block: 51);
        Assert.Equal(Partner, pair.Us.Channel.Closing!.Punished);
    }

    [Fact]
    public void An_unlock_of_a_lock_the_partner_did_not_dispose_is_not_punished()
    {
        var pair = PartnerClosedWithOurLocks();

        var events = pair.Us.Apply(PartnerUnlocks(pair, Kept, transferred: 10, block: 50), block: 50);

        Assert.Empty(events.OfType<ContractSendPunishObsoleteUnlock>());
        Assert.Single(events.OfType<EventChannelChanged>());
    }

    [Fact]
    public void A_second_obsolete_unlock_asks_for_no_second_punishment()
    {
        var pair = PartnerClosedWithOurLocks();
        Assert.Single(pair.Us.Apply(PartnerUnlocks(pair, Disposed, transferred: 10, block: 50), block: 50).OfType<ContractSendPunishObsoleteUnlock>());

        var second = pair.Us.Apply(PartnerUnlocks(pair, AlsoDisposed, transferred: 50, block: 51), block: 51);

        Assert.Empty(second.OfType<ContractSendPunishObsoleteUnlock>());
    }

    [Fact]
    public void No_punishment_is_asked_once_it_cannot_be_mined_within_the_punish_window()
    {
        var pair = PartnerClosedWithOurLocks();
        var deadline = pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow;
        var unlocked = PartnerUnlocks(pair, Disposed, transferred: 10, block: 50);
        var closed = pair.Us.State;

        var inTime = Assert.Single(pair.Us.Apply(unlocked, block: deadline - 1).OfType<ContractSendPunishObsoleteUnlock>());
        pair.Chain.Punish(inTime, block: deadline);

        pair.Us.State = closed;
        var late = pair.Us.Apply(unlocked, block: deadline);
        Assert.Empty(late.OfType<ContractSendPunishObsoleteUnlock>());
        Assert.Contains(late.OfType<EventChannelChanged>(), e => e.What.Contains("too late to punish", StringComparison.Ordinal));
        Assert.False(pair.Us.Channel.Closing!.PunishRequested);
    }

    [Fact]
    public void A_punishment_seen_on_chain_asks_for_no_other()
    {
        var pair = PartnerClosedWithOurLocks();
        pair.Us.Apply(new ContractReceiveChannelPunished(TokenNetwork, ChannelId, Us, Partner, 45), block: 45);

        var events = pair.Us.Apply(PartnerUnlocks(pair, Disposed, transferred: 10, block: 50), block: 50);

        Assert.Empty(events.OfType<ContractSendPunishObsoleteUnlock>());
    }
}
