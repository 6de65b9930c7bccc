using System.Numerics;
using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Lifecycle;

public sealed class DepositTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    /// <summary>A participant's total deposit must stay below 2^127 (docs/contracts.md, storage packing).</summary>
    private static readonly UInt256 MaxDeposit = UInt256.FromBigInteger((BigInteger.One << 127) - 1);

    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task Setting_a_total_deposit_pulls_exactly_the_difference_from_the_sender()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenAsync(a, b);
        var network = await Main.TokenBalanceAsync(Main.Network);

        var first = await a.Network.SetTotalDepositAsync(id, a.Address, 300, b.Address);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelNewDeposit(id, a.Address, 300) }, LifecycleCalls.EventsOf(first, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 300, await a.TokenBalanceAsync());
        Assert.Equal(network + 300, await Main.TokenBalanceAsync(Main.Network));

        var second = await a.Network.SetTotalDepositAsync(id, a.Address, 500, b.Address);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelNewDeposit(id, a.Address, 500) }, LifecycleCalls.EventsOf(second, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 500, await a.TokenBalanceAsync());
        Assert.Equal(network + 500, await Main.TokenBalanceAsync(Main.Network));
        Assert.Equal(new UInt256(500), (await Main.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
        Assert.Equal(UInt256.Zero, (await Main.Reader.GetParticipantInfoAsync(id, b.Address)).Deposit);
        Assert.Equal(NetworkFixture.InitialTokens, await b.TokenBalanceAsync());
    }

    [Fact]
    public async Task A_total_deposit_that_does_not_rise_is_refused()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenWithDepositsAsync(a, b, 500, 0);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var (party, partner, current, requested) in new[] { (a, b, 500UL, 500UL), (a, b, 500UL, 499UL), (a, b, 500UL, 0UL), (b, a, 0UL, 0UL) })
        {
            var error = await ContractAssert.RevertsWith(
                "TotalDepositNotIncreasing",
                () => party.Network.SetTotalDepositAsync(id, party.Address, requested, partner.Address));
            Assert.Equal(new UInt256(current), error.Arguments.GetUInt256("current"));
            Assert.Equal(new UInt256(requested), error.Arguments.GetUInt256("requested"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_third_party_deposits_for_a_participant_with_its_own_tokens()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var sponsor = await fixture.NewPartyAsync();
        var id = await Main.OpenAsync(a, b);
        var network = await Main.TokenBalanceAsync(Main.Network);

        var receipt = await sponsor.Network.SetTotalDepositAsync(id, a.Address, 300, b.Address);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelNewDeposit(id, a.Address, 300) }, LifecycleCalls.EventsOf(receipt, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 300, await sponsor.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        Assert.Equal(network + 300, await Main.TokenBalanceAsync(Main.Network));
        Assert.Equal(new UInt256(300), (await Main.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
        Assert.Equal(UInt256.Zero, (await Main.Reader.GetParticipantInfoAsync(id, sponsor.Address)).Deposit);

        // The participant tops up the sponsored total: it pays only the rise.
        await a.Network.SetTotalDepositAsync(id, a.Address, 400, b.Address);

        Assert.Equal(NetworkFixture.InitialTokens - 100, await a.TokenBalanceAsync());
        Assert.Equal(network + 400, await Main.TokenBalanceAsync(Main.Network));
    }

    [Fact]
    public async Task A_deposit_naming_a_wrong_partner_or_a_non_participant_is_refused()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var c = await fixture.NewPartyAsync();
        var id = await Main.OpenWithDepositsAsync(a, b, 100, 100);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address, c.Address);

        foreach (var (participant, partner, named) in new[]
        {
            (a.Address, c.Address, c.Address),
            (c.Address, a.Address, c.Address),
            (c.Address, b.Address, c.Address),
            (a.Address, a.Address, a.Address),
            (b.Address, Address.Zero, Address.Zero),
        })
        {
            var error = await ContractAssert.RevertsWith("NotParticipant", () => c.Network.SetTotalDepositAsync(id, participant, 200, partner));
            Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
            Assert.Equal(named, error.Arguments.GetAddress("account"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address, c.Address));
    }

    [Fact]
    public async Task A_deposit_into_a_closed_settled_or_missing_channel_is_refused()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var c = await fixture.NewPartyAsync();
        var d = await fixture.NewPartyAsync();
        var closed = await Main.OpenWithDepositsAsync(a, b, 100, 50);
        await LifecycleChannels.CloseWithoutProofAsync(b, a, closed);
        var settled = await Main.OpenWithDepositsAsync(c, d, 10, 0);
        await LifecycleChannels.CooperativeSettleAsync(c, 10, d, UInt256.Zero, settled);
        var missing = await Main.Reader.ChannelCounterAsync() + 1000;
        var beforeClosed = await LifecycleState.CaptureAsync(Main, closed, a.Address, b.Address);
        var beforeSettled = await LifecycleState.CaptureAsync(Main, settled, c.Address, d.Address);

        foreach (var (depositor, channelId, participant, partner) in new[]
        {
            (a, closed, a, b), (b, closed, b, a), (c, settled, c, d), (c, missing, c, d), (c, UInt256.Zero, c, d),
        })
        {
            var error = await ContractAssert.RevertsWith(
                "ChannelNotOpened",
                () => depositor.Network.SetTotalDepositAsync(channelId, participant.Address, 500, partner.Address));
            Assert.Equal(channelId, error.Arguments.GetUInt256("channelId"));
        }

        Assert.Equal(beforeClosed, await LifecycleState.CaptureAsync(Main, closed, a.Address, b.Address));
        Assert.Equal(beforeSettled, await LifecycleState.CaptureAsync(Main, settled, c.Address, d.Address));
    }

    [Fact]
    public async Task Opening_with_a_deposit_opens_the_channel_and_pulls_the_deposit_from_the_sender()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var sponsor = await fixture.NewPartyAsync();
        var id = await Main.Reader.ChannelCounterAsync() + 1;
        var network = await Main.TokenBalanceAsync(Main.Network);
        var timeout = new UInt256(Main.SettleTimeout);

        var receipt = await sponsor.Network.OpenChannelWithDepositAsync(a.Address, b.Address, timeout, 700);

        Assert.Equal(
            new TokenNetworkEvent[] { new ChannelOpened(id, a.Address, b.Address, timeout), new ChannelNewDeposit(id, a.Address, 700) },
            LifecycleCalls.EventsOf(receipt, Main));
        Assert.Equal(id, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(new UInt256(700), (await Main.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
        Assert.Equal(UInt256.Zero, (await Main.Reader.GetParticipantInfoAsync(id, b.Address)).Deposit);
        Assert.Equal(NetworkFixture.InitialTokens - 700, await sponsor.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        Assert.Equal(network + 700, await Main.TokenBalanceAsync(Main.Network));

        // The partner deposits afterwards as usual.
        await b.Network.SetTotalDepositAsync(id, b.Address, 40, a.Address);
        Assert.Equal(NetworkFixture.InitialTokens - 40, await b.TokenBalanceAsync());
    }

    [Fact]
    public async Task Opening_with_a_refused_deposit_opens_nothing()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var counter = await Main.Reader.ChannelCounterAsync();
        var network = await Main.TokenBalanceAsync(Main.Network);
        var timeout = new UInt256(Main.SettleTimeout);

        var zero = await ContractAssert.RevertsWith(
            "TotalDepositNotIncreasing", () => a.Network.OpenChannelWithDepositAsync(a.Address, b.Address, timeout, UInt256.Zero));
        Assert.Equal(UInt256.Zero, zero.Arguments.GetUInt256("requested"));
        var tooLarge = await ContractAssert.RevertsWith(
            "AmountTooLarge", () => a.Network.OpenChannelWithDepositAsync(a.Address, b.Address, timeout, MaxDeposit + 1));
        Assert.Equal(MaxDeposit + 1, tooLarge.Arguments.GetUInt256("amount"));
        await ContractAssert.RevertsWith(
            "TokenTransferFailed", () => a.Network.OpenChannelWithDepositAsync(a.Address, b.Address, timeout, NetworkFixture.InitialTokens + 1));

        Assert.Equal(counter, await Main.Reader.ChannelCounterAsync());
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        Assert.Equal(network, await Main.TokenBalanceAsync(Main.Network));
    }

    [Fact]
    public async Task Opening_with_a_deposit_for_a_pair_that_has_a_channel_pulls_nothing()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenWithDepositsAsync(a, b, 100, 0);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var error = await ContractAssert.RevertsWith(
            "ChannelExists", () => b.Network.OpenChannelWithDepositAsync(b.Address, a.Address, Main.SettleTimeout, 500));

        Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_total_deposit_of_2_pow_127_minus_1_is_accepted_and_one_more_is_refused()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenAsync(a, b);
        foreach (var party in new[] { a, b })
            await party.CallTokenAsync("mint", party.Address, MaxDeposit + 1);
        var funded = NetworkFixture.InitialTokens + MaxDeposit + 1;
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var total in new[] { MaxDeposit + 1, UInt256.MaxValue })
        {
            var error = await ContractAssert.RevertsWith("AmountTooLarge", () => a.Network.SetTotalDepositAsync(id, a.Address, total, b.Address));
            Assert.Equal(total, error.Arguments.GetUInt256("amount"));
        }
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));

        await a.Network.SetTotalDepositAsync(id, a.Address, MaxDeposit, b.Address);
        await b.Network.SetTotalDepositAsync(id, b.Address, MaxDeposit, a.Address);

        Assert.Equal(MaxDeposit, (await Main.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
        Assert.Equal(MaxDeposit, (await Main.Reader.GetParticipantInfoAsync(id, b.Address)).Deposit);
        Assert.Equal(funded - MaxDeposit, await a.TokenBalanceAsync());
        Assert.Equal(funded - MaxDeposit, await b.TokenBalanceAsync());
        Assert.Equal(before.Balances[^1].Balance + MaxDeposit + MaxDeposit, await Main.TokenBalanceAsync(Main.Network));
    }

    [Fact]
    public async Task A_deposit_the_token_refuses_to_pull_is_refused_and_changes_nothing()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenWithDepositsAsync(a, b, 100, 0);
        await a.Token.ApproveAsync(Main.Network, UInt256.Zero);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        await ContractAssert.RevertsWith("TokenTransferFailed", () => a.Network.SetTotalDepositAsync(id, a.Address, 101, b.Address));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));

        // An allowance short of the rise by one token is refused too; the exact rise is pulled.
        await a.Token.ApproveAsync(Main.Network, 49);
        await ContractAssert.RevertsWith("TokenTransferFailed", () => a.Network.SetTotalDepositAsync(id, a.Address, 150, b.Address));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
        await a.Network.SetTotalDepositAsync(id, a.Address, 149, b.Address);
        Assert.Equal(UInt256.Zero, await Main.TokenReader.AllowanceAsync(a.Address, Main.Network));
        Assert.Equal(NetworkFixture.InitialTokens - 149, await a.TokenBalanceAsync());

        // More than the depositor has, with an unlimited allowance.
        await b.Token.ApproveAsync(Main.Network, UInt256.MaxValue);
        await ContractAssert.RevertsWith(
            "TokenTransferFailed", () => b.Network.SetTotalDepositAsync(id, b.Address, NetworkFixture.InitialTokens + 1, a.Address));
        Assert.Equal(NetworkFixture.InitialTokens, await b.TokenBalanceAsync());
        Assert.Equal(UInt256.Zero, (await Main.Reader.GetParticipantInfoAsync(id, b.Address)).Deposit);
    }
}
