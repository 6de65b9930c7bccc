using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.OnChain;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>
/// The partner closes: ChannelClosed carries OUR proof as the partner submitted it (the contract stores the
/// non-closer's proof at close), and the chain holds none of the partner's own until we update.
/// </summary>
public sealed class PartnerCloseTests
{
    [Fact]
    public void Partners_close_is_answered_with_an_update_carrying_the_newest_partner_proof_we_hold()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.PartnerPays(50);
        pair.WePay(30);
        var latest = pair.Us.Channel.Partner;
        var partnersClose = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Partner.Apply(new ActionCloseChannel(TokenNetwork, Us))));

        var events = pair.Us.Apply(pair.Chain.Close(Partner, partnersClose, block: 40), block: 40);

        var update = Assert.Single(events.OfType<ContractSendChannelUpdate>());
        Assert.Equal(new ContractSendChannelUpdate(TokenNetwork, ChannelId, Partner, latest.BalanceHash, 2, latest.Signature!.AdditionalHash, latest.Signature.Signature), update);
        var closing = pair.Us.Channel.Closing!;
        Assert.Equal(Partner, closing.Closer);
        // The close stored our proof (nonce 1, the 30 we paid), whose values we hold.
        Assert.Equal(new StoredProof(1, new BalanceValues(30, Hash256.Zero), Contracts.Locks.BalanceHash.Compute(30, Hash256.Zero)), closing.Our);
        Assert.Equal(StoredProof.Empty, closing.Partner);

        pair.Us.Apply(pair.Chain.Update(Us, update, block: 41), block: 41);

        Assert.Equal(latest.BalanceHash, pair.Chain.BalanceHashOf(Partner));
        Assert.Equal(new StoredProof(2, new BalanceValues(150, Hash256.Zero), Contracts.Locks.BalanceHash.Compute(150, Hash256.Zero)), pair.Us.Channel.Closing!.Partner);
    }

    [Fact]
    public void No_update_is_asked_when_the_partner_never_sent_a_proof()
    {
        var pair = new ChannelPair();
        pair.WePay(30);
        var partnersClose = Assert.IsType<ContractSendChannelClose>(Assert.Single(pair.Partner.Apply(new ActionCloseChannel(TokenNetwork, Us))));

        var events = pair.Us.Apply(pair.Chain.Close(Partner, partnersClose, block: 40), block: 40);

        Assert.Equal(ChannelStatus.Closed, Assert.IsType<EventChannelChanged>(Assert.Single(events)).Status);
    }

    [Fact]
    public void No_update_is_asked_once_it_cannot_be_mined_by_the_settle_block()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        var closed = pair.Chain.CloseWith(Partner, 0, Hash256.Zero, block: 40);
        var settleBlock = 40 + SettleTimeout;
        var open = pair.Us.State;

        // Seen in the block before the settle block: the update can still land in the settle block.
        Assert.Single(pair.Us.Apply(closed, block: settleBlock - 1).OfType<ContractSendChannelUpdate>());

        pair.Us.State = open;
        var late = pair.Us.Apply(closed, block: settleBlock);
        Assert.Empty(late.OfType<ContractSendChannelUpdate>());
        Assert.Contains(late.OfType<EventChannelChanged>(), e => e.What.Contains("too late", StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_not_newer_than_the_one_recorded_changes_nothing()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.PartnerPays(50);
        var update = Assert.Single(pair.Us.Apply(pair.Chain.CloseWith(Partner, 0, Hash256.Zero, block: 40), block: 40).OfType<ContractSendChannelUpdate>());
        pair.Us.Apply(pair.Chain.Update(Us, update, block: 41), block: 41);
        var updated = pair.Us.State;

        var older = new ContractReceiveNonClosingBalanceProofUpdated(TokenNetwork, ChannelId, Partner, 1, Hash256.Zero, 42);

        Assert.Empty(pair.Us.Apply(older, block: 42));
        Assert.Equal(updated with { BlockNumber = 42 }, pair.Us.State);
    }

    [Fact]
    public void An_update_with_a_partner_proof_we_no_longer_hold_leaves_its_values_unknown()
    {
        var pair = new ChannelPair();
        pair.PartnerPays(100);
        pair.PartnerPays(50);
        pair.Us.Apply(pair.Chain.CloseWith(Partner, 0, Hash256.Zero, block: 40), block: 40);

        // A monitor's update with the partner's first proof (100 transferred): not the one we hold.
        pair.Us.Apply(new ContractReceiveNonClosingBalanceProofUpdated(TokenNetwork, ChannelId, Partner, 1, Contracts.Locks.BalanceHash.Compute(100, Hash256.Zero), 41), block: 41);

        Assert.Equal(new StoredProof(1, null, Contracts.Locks.BalanceHash.Compute(100, Hash256.Zero)), pair.Us.Channel.Closing!.Partner);
    }
}
