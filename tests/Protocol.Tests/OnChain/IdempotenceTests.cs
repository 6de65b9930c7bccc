using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>A chain event seen twice (a re-read block range, a restart) changes nothing more and emits nothing more.</summary>
public sealed class IdempotenceTests
{
    [Fact]
    public void Lifecycle_events_seen_twice_change_nothing_more()
    {
        var us = new TestNode(OurKey);

        Assert.Empty(us.ApplyTwice(new ContractReceiveTokenNetworkCreated(ChannelPair.Token, TokenNetwork, 1)));
        Assert.Single(us.ApplyTwice(new ContractReceiveChannelOpened(TokenNetwork, ChannelId, Us, Partner, SettleTimeout, 1)));
        Assert.Single(us.ApplyTwice(new ContractReceiveChannelDeposit(TokenNetwork, ChannelId, Partner, 500, 2), block: 2));
        Assert.Single(us.ApplyTwice(new ContractReceiveChannelWithdraw(TokenNetwork, ChannelId, Partner, 100, 3), block: 3));
        Assert.Equal(new UInt256(500), us.Channel.Partner.TotalDeposit);
        Assert.Equal(new UInt256(100), us.Channel.Partner.TotalWithdraw);
        Assert.Single(us.ApplyTwice(new ContractReceiveChannelCooperativeSettled(TokenNetwork, ChannelId, 0, 400, 4), block: 4));
        Assert.Equal(ChannelStatus.Settled, us.Channel.Status);
    }

    [Fact]
    public void Close_update_unlock_punish_and_settle_events_seen_twice_change_nothing_more()
    {
        var pair = new ChannelPair();
        var paidToUs = Lock(1, 40, expiration: 300);
        var paidByUs = Lock(2, 25, expiration: 300);
        pair.PartnerPays(100);
        pair.PartnerLocks(paidToUs);
        pair.WeLock(paidByUs);
        pair.PartnerDisposes(paidByUs);
        var us = pair.Us;
        var our = us.Channel.Our;

        Assert.Empty(us.ApplyTwice(pair.Chain.RegisterSecret(Secret(1), block: 30), block: 30));
        var update = Assert.Single(us.ApplyTwice(pair.Chain.CloseWith(Partner, our.Nonce, our.BalanceHash, block: 40), block: 40).OfType<ContractSendChannelUpdate>());
        var unlock = Assert.Single(us.ApplyTwice(pair.Chain.Update(Us, update, block: 41), block: 41).OfType<ContractSendChannelUnlock>());
        us.ApplyTwice(pair.Chain.Unlock(Us, unlock, block: 42), block: 42);
        Assert.Empty(us.ApplyTwice(pair.Chain.RegisterSecret(Secret(2), block: 43), block: 43));
        var punish = Assert.Single(us.ApplyTwice(pair.Chain.UnlockBy(Partner, Us, 0, paidByUs, our.LocksTree, block: 44), block: 44).OfType<ContractSendPunishObsoleteUnlock>());
        us.ApplyTwice(pair.Chain.Punish(punish, block: 45), block: 45);
        var settleAfter = pair.Chain.SettleBlock + us.State.Settings.PunishWindow + 1;
        var settle = Assert.IsType<ContractSendChannelSettle>(Assert.Single(us.ApplyTwice(new Block(settleAfter), block: settleAfter)));
        var settled = pair.Chain.Settle(settle, settleAfter);
        Assert.Equal(new UInt256(2_000), settled.Participant1Amount);
        us.ApplyTwice(settled, block: settleAfter);
        Assert.Equal(ChannelStatus.Settled, us.Channel.Status);
    }

    [Fact]
    public void Our_own_close_seen_twice_changes_nothing_more()
    {
        var pair = new ChannelPair();
        pair.PartnerLocks(Lock(1, 40, expiration: 300));
        pair.WeLearnSecret(1);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var events = pair.Us.ApplyTwice(pair.Chain.Close(Us, close, block: 20), block: 20);

        Assert.Single(events.OfType<ContractSendSecretRegister>());
    }

    [Fact]
    public void The_same_inputs_from_the_same_state_give_the_same_states_and_events()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.PartnerLocks(Lock(1, 40, expiration: 300));
        pair.PartnerLocks(Lock(2, 20, expiration: 300));
        pair.WeLearnSecret(2);
        var start = pair.Us.State;
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));
        var inputs = new List<(StateChange Change, ulong Block)>
        {
            (new ActionCloseChannel(TokenNetwork, Partner), 1),
            (pair.Chain.RegisterSecret(Secret(1), block: 10), 10),
            (pair.Chain.Close(Us, close, block: 20), 20),
            (new Block(21), 21),
            (pair.Chain.RegisterSecret(Secret(2), block: 22), 22),
            (new Block(600), 600),
        };

        var machine = new StateMachine(OurKey);
        List<TransitionResult> Run()
        {
            var state = start;
            var results = new List<TransitionResult>();
            foreach (var (change, block) in inputs)
            {
                results.Add(machine.Transition(state, change, new BlockContext(block)));
                state = results[^1].State;
            }
            return results;
        }

        var first = Run();
        Assert.Equal(first, Run());
        Assert.Equal(2, first.SelectMany(r => r.Events).OfType<ContractSendChannelUnlock>().Count());
        Assert.Single(first.SelectMany(r => r.Events).OfType<ContractSendChannelSettle>());
    }
}
