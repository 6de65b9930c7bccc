using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Lifecycle;

public sealed class OpenChannelTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private static readonly ParticipantInfo NoRecord = new(UInt256.Zero, UInt256.Zero, Hash256.Zero, UInt256.Zero, false);

    private TokenNetworkSetup Main => fixture.Main;

    private UInt256 Timeout => Main.SettleTimeout;

    [Fact]
    public async Task Opening_emits_ChannelOpened_with_the_next_id_and_records_an_empty_channel()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var counter = await Main.Reader.ChannelCounterAsync();
        var id = counter + UInt256.One;
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);
        var call = TokenNetworkContract.EncodeOpenChannel(a.Address, b.Address, Timeout);
        Assert.Equal(id, TokenNetworkContract.DecodeOpenChannel(await LifecycleCalls.SimulateAsync(Main, a.Address, call)));

        var receipt = await a.Network.OpenChannelAsync(a.Address, b.Address, Timeout);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelOpened(id, a.Address, b.Address, Timeout) }, LifecycleCalls.EventsOf(receipt, Main));
        Assert.Equal(id, await Main.Reader.ChannelCounterAsync());
        Assert.Equal(new ChannelInfo(ChannelState.Opened, Timeout, UInt256.Zero, a.Address, b.Address), await Main.Reader.GetChannelInfoAsync(id));
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(id, a.Address));
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(id, b.Address));
        // Opening moves no tokens.
        var after = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);
        Assert.Equal(before.Balances, after.Balances);
    }

    [Fact]
    public async Task Anyone_may_open_a_channel_between_two_other_accounts()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var opener = await fixture.NewPartyAsync();

        var receipt = await opener.Network.OpenChannelAsync(b.Address, a.Address, Timeout);

        var opened = Assert.IsType<ChannelOpened>(Assert.Single(LifecycleCalls.EventsOf(receipt, Main)));
        Assert.Equal((b.Address, a.Address), (opened.Participant1, opened.Participant2));
        var info = await Main.Reader.GetChannelInfoAsync(opened.ChannelId);
        Assert.Equal((ChannelState.Opened, b.Address, a.Address), (info.State, info.Participant1, info.Participant2));
        Assert.Equal(opened.ChannelId, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(opener.Address, a.Address));
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(opened.ChannelId, opener.Address));
    }

    [Fact]
    public async Task An_open_channel_refuses_a_second_one_for_its_pair_in_either_order()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var third = await fixture.NewPartyAsync();
        var id = await Main.OpenAsync(a, b);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address, third.Address);

        foreach (var (sender, p1, p2) in new[] { (a, a, b), (a, b, a), (b, b, a), (third, a, b), (third, b, a) })
        {
            var error = await ContractAssert.RevertsWith("ChannelExists", () => sender.Network.OpenChannelAsync(p1.Address, p2.Address, Timeout));
            Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address, third.Address));
    }

    [Fact]
    public async Task A_closed_channel_still_holds_its_pair_until_it_is_settled()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenWithDepositsAsync(a, b, 100, 50);
        await LifecycleChannels.CloseWithoutProofAsync(a, b, id);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var (p1, p2) in new[] { (a, b), (b, a) })
        {
            var error = await ContractAssert.RevertsWith("ChannelExists", () => p1.Network.OpenChannelAsync(p1.Address, p2.Address, Timeout));
            Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
        Assert.Equal(ChannelState.Closed, before.Channel.State);
    }

    [Fact]
    public async Task After_settlement_the_pair_gets_a_new_channel_with_a_new_id()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var first = await Main.OpenWithDepositsAsync(a, b, 100, 50);
        await LifecycleChannels.CloseAndSettleAsync(b, a, first);
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        var counter = await Main.Reader.ChannelCounterAsync();

        var second = await Main.OpenAsync(b, a);

        Assert.Equal(counter + UInt256.One, second);
        Assert.True(second > first);
        Assert.Equal(second, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(ChannelState.Settled, (await Main.Reader.GetChannelInfoAsync(first)).State);
        // The new channel starts from nothing: the old deposits were paid out, not carried over.
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(second, a.Address));
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(second, b.Address));
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await b.TokenBalanceAsync());
    }

    [Fact]
    public async Task Channel_ids_count_up_from_the_counter_and_are_never_handed_out_twice()
    {
        var parties = new List<Party>();
        for (var i = 0; i < 4; i++)
            parties.Add(await fixture.NewPartyAsync());
        var counter = await Main.Reader.ChannelCounterAsync();

        var ids = new List<UInt256>
        {
            await Main.OpenAsync(parties[0], parties[1]),
            await Main.OpenAsync(parties[2], parties[3]),
            await Main.OpenAsync(parties[0], parties[2]),
        };
        await LifecycleChannels.CooperativeSettleAsync(parties[0], UInt256.Zero, parties[1], UInt256.Zero, ids[0]);
        ids.Add(await Main.OpenAsync(parties[1], parties[0]));
        ids.Add(await Main.OpenAsync(parties[1], parties[3]));

        Assert.Equal(new[] { counter + 1, counter + 2, counter + 3, counter + 4, counter + 5 }, ids);
        Assert.Equal(counter + 5, await Main.Reader.ChannelCounterAsync());
        Assert.Equal(ChannelState.Settled, (await Main.Reader.GetChannelInfoAsync(ids[0])).State);
        Assert.Equal(ids[3], await Main.Reader.GetChannelIdentifierAsync(parties[0].Address, parties[1].Address));
    }

    [Fact]
    public async Task The_settle_timeout_bounds_are_inclusive()
    {
        var min = fixture.Parameters.SettleTimeoutMin;
        var max = fixture.Parameters.SettleTimeoutMax;

        foreach (var timeout in new[] { min, max })
        {
            var a = await fixture.NewPartyAsync();
            var b = await fixture.NewPartyAsync();
            var id = await Main.OpenAsync(a, b, timeout);
            Assert.Equal(new UInt256(timeout), (await Main.Reader.GetChannelInfoAsync(id)).SettleTimeout);
        }
    }

    [Fact]
    public async Task A_settle_timeout_outside_the_bounds_is_refused()
    {
        var min = fixture.Parameters.SettleTimeoutMin;
        var max = fixture.Parameters.SettleTimeoutMax;
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var counter = await Main.Reader.ChannelCounterAsync();

        foreach (var timeout in new[] { new UInt256(min - 1), new UInt256(max + 1), UInt256.Zero, UInt256.MaxValue })
        {
            var error = await ContractAssert.RevertsWith("SettleTimeoutOutOfRange", () => a.Network.OpenChannelAsync(a.Address, b.Address, timeout));
            Assert.Equal(timeout, error.Arguments.GetUInt256("settleTimeout"));
            Assert.Equal(new UInt256(min), error.Arguments.GetUInt256("settleTimeoutMin"));
            Assert.Equal(new UInt256(max), error.Arguments.GetUInt256("settleTimeoutMax"));
        }

        Assert.Equal(counter, await Main.Reader.ChannelCounterAsync());
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
    }

    [Fact]
    public async Task Invalid_participants_are_refused()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var network = Main.Network;
        var counter = await Main.Reader.ChannelCounterAsync();

        foreach (var (p1, p2) in new[]
        {
            (Address.Zero, b.Address), (a.Address, Address.Zero), (Address.Zero, Address.Zero),
            (a.Address, a.Address), (network, b.Address), (a.Address, network),
        })
        {
            var error = await ContractAssert.RevertsWith("InvalidParticipants", () => a.Network.OpenChannelAsync(p1, p2, Timeout));
            Assert.Equal(p1, error.Arguments.GetAddress("participant1"));
            Assert.Equal(p2, error.Arguments.GetAddress("participant2"));
        }

        Assert.Equal(counter, await Main.Reader.ChannelCounterAsync());
    }

    [Fact]
    public async Task The_channel_identifier_is_found_in_either_order_and_is_zero_without_a_channel()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var c = await fixture.NewPartyAsync();
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));

        var id = await Main.OpenAsync(a, b);

        Assert.Equal(id, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(id, await Main.Reader.GetChannelIdentifierAsync(b.Address, a.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, c.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(c.Address, b.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, a.Address));
    }

    [Fact]
    public async Task Channel_info_reports_none_opened_closed_and_settled()
    {
        var none = new ChannelInfo(ChannelState.None, UInt256.Zero, UInt256.Zero, Address.Zero, Address.Zero);
        var settled = none with { State = ChannelState.Settled };
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        Assert.Equal(none, await Main.Reader.GetChannelInfoAsync(UInt256.Zero));

        var id = await Main.OpenWithDepositsAsync(a, b, 10, 20);
        Assert.Equal(none, await Main.Reader.GetChannelInfoAsync(id + UInt256.One));
        Assert.Equal(none, await Main.Reader.GetChannelInfoAsync(UInt256.MaxValue));
        Assert.Equal(new ChannelInfo(ChannelState.Opened, Timeout, UInt256.Zero, a.Address, b.Address), await Main.Reader.GetChannelInfoAsync(id));

        var close = await LifecycleChannels.CloseWithoutProofAsync(b, a, id);
        var settleBlock = new UInt256(close.BlockNumber) + Timeout;
        Assert.Equal(new ChannelInfo(ChannelState.Closed, Timeout, settleBlock, a.Address, b.Address), await Main.Reader.GetChannelInfoAsync(id));

        await fixture.MineToAsync((ulong)settleBlock + fixture.Parameters.PunishWindow);
        await Main.AsThirdParty.SettleChannelAsync(id, a.Address, UInt256.Zero, Hash256.Zero, b.Address, UInt256.Zero, Hash256.Zero);

        Assert.Equal(settled, await Main.Reader.GetChannelInfoAsync(id));
        Assert.Equal(none, await Main.Reader.GetChannelInfoAsync(UInt256.Zero));
        Assert.Equal(none, await Main.Reader.GetChannelInfoAsync(await Main.Reader.ChannelCounterAsync() + UInt256.One));
    }
}
