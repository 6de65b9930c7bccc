using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.OnChain;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>Settling after the punish window with the values behind both stored balance hashes, and leaving the settled channel.</summary>
public sealed class SettleTests
{
    [Fact]
    public void Settle_is_asked_in_the_first_block_after_the_punish_window_and_only_once()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.WePay(30);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        pair.Us.Apply(pair.Chain.Close(Us, close, block: 20), block: 20);
        var lastPunishBlock = 20 + SettleTimeout + pair.Us.State.Settings.PunishWindow;

        Assert.Empty(pair.Us.AdvanceTo(lastPunishBlock));
        var settle = Assert.IsType<ContractSendChannelSettle>(Assert.Single(pair.Us.AdvanceTo(lastPunishBlock + 1)));
        Assert.Empty(pair.Us.AdvanceTo(lastPunishBlock + 2));

        // We closed: the chain holds the partner's proof (100) and none of ours.
        Assert.Equal(new ContractSendChannelSettle(TokenNetwork, ChannelId, Us, 0, Hash256.Zero, Partner, 100, Hash256.Zero), settle);
        Assert.Throws<ContractRevertException>(() => pair.Chain.Settle(settle, lastPunishBlock));
        var settled = pair.Chain.Settle(settle, lastPunishBlock + 1);
        Assert.Equal(new UInt256(1_100), settled.Participant1Amount);
        Assert.Equal(new UInt256(900), settled.Participant2Amount);
    }

    [Fact]
    public void Settle_values_follow_the_update_and_the_unlocks_of_both_participants()
    {
        var pair = new ChannelPair();
        var ours = Lock(1, 40, expiration: 300);
        var theirs = Lock(2, 25, expiration: 300);
        var theirsUnclaimed = Lock(3, 9, expiration: 300);
        pair.PartnerPays(100);
        pair.WePay(30);
        pair.PartnerLocks(ours);
        pair.PartnerLocks(theirsUnclaimed);
        pair.WeLock(theirs);
        var our = pair.Us.Channel.Our;
        var update = Assert.Single(pair.Us.Apply(pair.Chain.CloseWith(Partner, our.Nonce, our.BalanceHash, block: 40), block: 40).OfType<ContractSendChannelUpdate>());
        pair.Us.Apply(pair.Chain.Update(Us, update, block: 41), block: 41);
        var unlock = Assert.Single(pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 42), block: 42).OfType<ContractSendChannelUnlock>());
        pair.Us.Apply(pair.Chain.Unlock(Us, unlock, block: 43), block: 43);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(2), block: 44), block: 44);
        pair.Us.Apply(pair.Chain.UnlockBy(Partner, Us, 30, theirs, our.LocksTree, block: 45), block: 45);

        var settle = Assert.IsType<ContractSendChannelSettle>(Assert.Single(pair.Us.AdvanceTo(pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow + 1)));

        Assert.Equal(new ContractSendChannelSettle(TokenNetwork, ChannelId, Us, 55, our.Locksroot, Partner, 140, pair.Us.Channel.Partner.Locksroot), settle);
        var settled = pair.Chain.Settle(settle, pair.Us.Block);
        // We receive 1000 + 140 − 55; the unclaimed lock stays with the partner.
        Assert.Equal(new UInt256(1_085), settled.Participant1Amount);
        Assert.Equal(new UInt256(915), settled.Participant2Amount);
    }

    [Fact]
    public void An_update_of_our_proof_voids_the_partners_earlier_unlocks_so_a_lock_unlocked_again_counts_again()
    {
        var pair = new ChannelPair();
        var first = Lock(1, 25, expiration: 300);
        pair.WeLock(first);
        var older = pair.Us.Channel.Our;
        pair.WeLock(Lock(2, 5, expiration: 300));
        var latest = pair.Us.Channel.Our;
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        pair.Us.Apply(pair.Chain.Close(Us, close, block: 20), block: 20);
        pair.Us.Apply(pair.Chain.RegisterSecret(Secret(1), block: 21), block: 21);
        // The partner stores our older proof, unlocks against it, then stores our latest and unlocks again.
        pair.Us.Apply(pair.Chain.Update(Partner, new ContractSendChannelUpdate(TokenNetwork, ChannelId, Us, older.BalanceHash, older.Nonce, older.Signature!.AdditionalHash, older.Signature.Signature), block: 22), block: 22);
        pair.Us.Apply(pair.Chain.UnlockBy(Partner, Us, 0, first, older.LocksTree, block: 23), block: 23);
        pair.Us.Apply(pair.Chain.Update(Partner, new ContractSendChannelUpdate(TokenNetwork, ChannelId, Us, latest.BalanceHash, latest.Nonce, latest.Signature!.AdditionalHash, latest.Signature.Signature), block: 24), block: 24);
        pair.Us.Apply(pair.Chain.UnlockBy(Partner, Us, 0, first, latest.LocksTree, block: 25), block: 25);

        var settle = Assert.IsType<ContractSendChannelSettle>(Assert.Single(pair.Us.AdvanceTo(pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow + 1)));

        Assert.Equal(new UInt256(25), settle.TransferredAmount1);
        Assert.Equal(latest.Locksroot, settle.Locksroot1);
        Assert.Equal(new UInt256(975), pair.Chain.Settle(settle, pair.Us.Block).Participant1Amount);
    }

    [Fact]
    public void Settling_waits_for_the_values_of_a_proof_of_ours_the_state_no_longer_has_and_asks_for_them()
    {
        var pair = new ChannelPair();
        pair.WePay(10);
        pair.WePay(20);
        // The partner closes with our first proof (10 transferred): the state keeps only the latest (30).
        var oldHash = BalanceHash.Compute(10, Hash256.Zero);
        pair.Us.Apply(pair.Chain.CloseWith(Partner, 1, oldHash, block: 40), block: 40);
        var after = pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow + 1;

        var events = pair.Us.AdvanceTo(after);

        Assert.Contains("left to the partner", Assert.Single(events.OfType<EventChannelChanged>()).What, StringComparison.Ordinal);
        Assert.Equal(new EventProofValuesUnknown(TokenNetwork, ChannelId, Us, 1, oldHash), Assert.Single(events.OfType<EventProofValuesUnknown>()));
        Assert.Equal(SettleProgress.LeftToPartner, pair.Us.Channel.Closing!.Settle);
        Assert.Empty(pair.Us.AdvanceTo(after + 1));
    }

    [Fact]
    public void Recalled_values_of_our_old_proof_let_us_settle_with_them()
    {
        var pair = new ChannelPair();
        pair.WePay(10);
        pair.WePay(20);
        pair.Us.Apply(pair.Chain.CloseWith(Partner, 1, BalanceHash.Compute(10, Hash256.Zero), block: 40), block: 40);
        var after = pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow + 1;
        pair.Us.AdvanceTo(after);

        Assert.Empty(pair.Us.Apply(new ActionRecallProofValues(TokenNetwork, ChannelId, Us, 1, 10, Hash256.Zero)));
        var settle = Assert.IsType<ContractSendChannelSettle>(Assert.Single(pair.Us.AdvanceTo(after + 1)));

        Assert.Equal(new ContractSendChannelSettle(TokenNetwork, ChannelId, Us, 10, Hash256.Zero, Partner, 0, Hash256.Zero), settle);
        var settled = pair.Chain.Settle(settle, pair.Us.Block);
        Assert.Equal(new UInt256(990), settled.Participant1Amount);
        Assert.Equal(new UInt256(1_010), settled.Participant2Amount);
    }

    [Theory]
    [InlineData(1, 11)]
    [InlineData(2, 10)]
    public void Refuses_recalled_values_that_do_not_match_the_stored_proof(ulong nonce, ulong transferred)
    {
        var pair = new ChannelPair();
        pair.WePay(10);
        pair.WePay(20);
        pair.Us.Apply(pair.Chain.CloseWith(Partner, 1, BalanceHash.Compute(10, Hash256.Zero), block: 40), block: 40);
        pair.Us.AdvanceTo(pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow + 1);
        var before = pair.Us.State;

        var refused = Assert.IsType<EventActionRefused>(Assert.Single(pair.Us.Apply(new ActionRecallProofValues(TokenNetwork, ChannelId, Us, nonce, transferred, Hash256.Zero))));

        Assert.Equal(RefusalReason.BalanceMismatch, refused.Refusal.Reason);
        Assert.Equal(before with { BlockNumber = pair.Us.State.BlockNumber }, pair.Us.State);
    }

    [Fact]
    public void A_settled_channel_leaves_the_channel_by_partner_and_stays_as_history()
    {
        var pair = new ChannelPair();
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        pair.Us.Apply(pair.Chain.Close(Us, close, block: 20), block: 20);
        var settle = Assert.IsType<ContractSendChannelSettle>(Assert.Single(pair.Us.AdvanceTo(pair.Chain.SettleBlock + pair.Us.State.Settings.PunishWindow + 1)));
        // Still the channel with the partner while closed.
        Assert.NotNull(pair.Us.State.TokenNetwork(TokenNetwork)!.ChannelWith(Partner));

        var events = pair.Us.Apply(pair.Chain.Settle(settle, pair.Us.Block));

        Assert.Equal(ChannelStatus.Settled, Assert.IsType<EventChannelChanged>(Assert.Single(events)).Status);
        var network = pair.Us.State.TokenNetwork(TokenNetwork)!;
        Assert.Null(network.ChannelWith(Partner));
        Assert.False(network.ChannelByPartner.ContainsKey(Partner));
        Assert.Equal(ChannelStatus.Settled, network.Channels[ChannelId].Status);
        Assert.Empty(pair.Us.AdvanceTo(pair.Us.Block + 1));
    }

    [Fact]
    public void A_cooperatively_settled_channel_leaves_the_channel_by_partner()
    {
        var pair = new ChannelPair();

        var events = pair.Us.Apply(new ContractReceiveChannelCooperativeSettled(TokenNetwork, ChannelId, 1_000, 1_000, 20), block: 20);

        Assert.Equal(ChannelStatus.Settled, Assert.IsType<EventChannelChanged>(Assert.Single(events)).Status);
        Assert.Null(pair.Us.State.TokenNetwork(TokenNetwork)!.ChannelWith(Partner));
        Assert.Equal(ChannelStatus.Settled, pair.Us.Channel.Status);
    }

    [Fact]
    public void A_settlement_of_a_channel_this_node_does_not_have_changes_nothing()
    {
        var pair = new ChannelPair();
        var before = pair.Us.State;

        Assert.Empty(pair.Us.Apply(new ContractReceiveChannelSettled(TokenNetwork, ChannelId + 1, 5, 5, 1)));
        Assert.Empty(pair.Us.Apply(new ContractReceiveChannelCooperativeSettled(ChannelPair.Token, ChannelId, 5, 5, 1)));

        Assert.Equal(before, pair.Us.State);
        Assert.NotNull(pair.Us.State.TokenNetwork(TokenNetwork)!.ChannelWith(Partner));
    }
}
