using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

public sealed class CloseTests
{
    [Fact]
    public void Close_submits_the_partners_latest_proof_which_the_contract_accepts()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.PartnerPays(50);
        var latest = pair.Us.Channel.Partner;

        var events = pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner));

        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(events));
        Assert.Equal(new ContractSendChannelClose(TokenNetwork, ChannelId, Partner, latest.BalanceHash, 2, latest.Signature!.AdditionalHash, latest.Signature.Signature), close);
        Assert.Equal(BalanceHash.Compute(150, Hash256.Zero), close.BalanceHash);
        pair.Chain.Close(Us, close, block: 10);
        Assert.Equal(close.BalanceHash, pair.Chain.BalanceHashOf(Partner));
    }

    [Fact]
    public void Close_without_any_proof_from_the_partner_submits_all_zeros()
    {
        var pair = new ChannelPair();
        pair.WePay(30);

        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        Assert.Equal(new ContractSendChannelClose(TokenNetwork, ChannelId, Partner, Hash256.Zero, 0, Hash256.Zero, null), close);
        pair.Chain.Close(Us, close, block: 10);
        Assert.Equal(Hash256.Zero, pair.Chain.BalanceHashOf(Partner));
    }

    [Fact]
    public void A_requested_close_freezes_the_channel_so_no_proof_is_made_or_accepted()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        var open = pair.Us.State;
        // Before the close, both directions work.
        Assert.Contains(pair.Us.Apply(new ActionDirectTransfer(TokenNetwork, Partner, 10, 900)), e => e is EventPaymentSent);
        pair.Us.State = open;

        pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner));

        Assert.True(pair.Us.Channel.CloseRequested);
        Assert.False(pair.Us.Channel.AcceptsTransfers);
        var frozen = pair.Us.State;
        var refused = Assert.IsType<EventActionRefused>(Assert.Single(pair.Us.Apply(new ActionDirectTransfer(TokenNetwork, Partner, 10, 901))));
        Assert.Equal(RefusalReason.ChannelFrozen, refused.Refusal.Reason);
        Assert.Equal(frozen, pair.Us.State);

        var sent = Assert.Single(pair.Partner.Apply(new ActionDirectTransfer(TokenNetwork, Us, 10, 902)).OfType<SendMessage>());
        var refusedProof = Assert.IsType<EventMessageRefused>(Assert.Single(pair.Us.Apply(new ReceiveMessage(Partner, sent.Message))));
        Assert.Equal(RefusalReason.ChannelFrozen, refusedProof.Refusal.Reason);
        Assert.Equal(frozen, pair.Us.State);
    }

    [Fact]
    public void Close_of_an_unknown_channel_is_refused_and_changes_nothing()
    {
        var pair = new ChannelPair();
        var before = pair.Us.State;

        foreach (var action in new[] { new ActionCloseChannel(TokenNetwork, StrangerKey.Address), new ActionCloseChannel(ChannelPair.Token, Partner) })
        {
            var refused = Assert.IsType<EventActionRefused>(Assert.Single(pair.Us.Apply(action)));
            Assert.Equal(RefusalReason.UnknownChannel, refused.Refusal.Reason);
            Assert.Same(action, refused.Action);
            Assert.Equal(before, pair.Us.State);
        }
    }

    [Fact]
    public void Close_of_a_channel_closed_on_chain_is_refused_and_changes_nothing()
    {
        var pair = new ChannelPair();
        pair.Us.Apply(pair.Chain.CloseWith(Partner, 0, Hash256.Zero, block: 10), block: 10);
        var closed = pair.Us.State;

        var refused = Assert.IsType<EventActionRefused>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        Assert.Equal(RefusalReason.ChannelNotOpened, refused.Refusal.Reason);
        Assert.Equal(closed, pair.Us.State);
        Assert.False(pair.Us.Channel.CloseRequested);
    }

    [Fact]
    public void Closing_again_before_the_close_is_seen_asks_for_the_same_transaction_and_changes_nothing_more()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        var first = pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner));
        var requested = pair.Us.State;

        var second = pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner));

        Assert.Equal(first.ToList(), second.ToList());
        Assert.Equal(requested, pair.Us.State);
    }

    [Fact]
    public void Close_by_us_seen_on_chain_records_the_closer_the_blocks_and_asks_for_no_update()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        var close = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Us.Apply(new ActionCloseChannel(TokenNetwork, Partner))));

        var events = pair.Us.Apply(pair.Chain.Close(Us, close, block: 20), block: 20);

        var channel = pair.Us.Channel;
        Assert.Equal(ChannelStatus.Closed, channel.Status);
        Assert.Equal(Us, channel.Closing!.Closer);
        Assert.Equal(20UL, channel.Closing.ClosedBlock);
        Assert.Equal(20 + SettleTimeout, channel.Closing.SettleBlock);
        Assert.Equal(pair.Chain.SettleBlock, channel.Closing.SettleBlock);
        Assert.Equal(ChannelStatus.Closed, Assert.IsType<EventChannelChanged>(Assert.Single(events)).Status);
        // What the contract stores: the partner's latest (whose values we know), nothing of ours.
        Assert.Equal(new Photon.Protocol.OnChain.StoredProof(1, new Photon.Protocol.OnChain.BalanceValues(100, Hash256.Zero), Contracts.Locks.BalanceHash.Compute(100, Hash256.Zero)), channel.Closing.Partner);
        Assert.Equal(Photon.Protocol.OnChain.StoredProof.Empty, channel.Closing.Our);
    }
}
