using System.Numerics;
using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Lifecycle;

/// <summary>Deposits made by an ERC223 transfer to the network, which the token announces through tokenFallback.</summary>
public sealed class Erc223DepositTests(LifecycleCallbackFixture fixture) : IClassFixture<LifecycleCallbackFixture>
{
    private const string TransferWithData = "transfer(address,uint256,bytes)";

    private static readonly UInt256 MaxDeposit = UInt256.FromBigInteger((BigInteger.One << 127) - 1);

    private TokenNetworkSetup Setup => fixture.Erc223;

    private UInt256 Timeout => Setup.SettleTimeout;

    private Task<Party> NewPartyAsync() => Setup.NewPartyAsync();

    private Task<TransactionReceipt> DepositAsync(Party sender, UInt256 value, byte[] data) =>
        LifecycleCalls.CallTokenAsync(sender, TransferWithData, Setup.Network, value, data);

    private byte[] DepositData(Party participant, Party partner) => TokenNetworkContract.EncodeDepositData(participant.Address, partner.Address, Timeout);

    [Fact]
    public async Task A_transfer_with_deposit_data_opens_the_channel_and_deposits_in_one_transaction()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var id = await Setup.Reader.ChannelCounterAsync() + 1;
        var network = await Setup.TokenBalanceAsync(Setup.Network);

        var receipt = await DepositAsync(a, new UInt256(600), DepositData(a, b));

        Assert.Equal(
            new TokenNetworkEvent[] { new ChannelOpened(id, a.Address, b.Address, Timeout), new ChannelNewDeposit(id, a.Address, 600) },
            LifecycleCalls.EventsOf(receipt, Setup));
        Assert.Equal(new ChannelInfo(ChannelState.Opened, Timeout, UInt256.Zero, a.Address, b.Address), await Setup.Reader.GetChannelInfoAsync(id));
        Assert.Equal(new UInt256(600), (await Setup.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
        Assert.Equal(NetworkFixture.InitialTokens - 600, await a.TokenBalanceAsync());
        Assert.Equal(network + 600, await Setup.TokenBalanceAsync(Setup.Network));
    }

    [Fact]
    public async Task A_transfer_for_a_pair_with_a_channel_adds_to_the_named_participants_deposit()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var sponsor = await NewPartyAsync();
        var id = await Setup.OpenWithDepositsAsync(a, b, 100, 0);
        var network = await Setup.TokenBalanceAsync(Setup.Network);

        // The partner names itself first; a sponsor names a participant: each deposit is the transferred value on top.
        var byB = await DepositAsync(b, new UInt256(70), DepositData(b, a));
        var bySponsor = await DepositAsync(sponsor, new UInt256(30), DepositData(a, b));

        Assert.Equal(new TokenNetworkEvent[] { new ChannelNewDeposit(id, b.Address, 70) }, LifecycleCalls.EventsOf(byB, Setup));
        Assert.Equal(new TokenNetworkEvent[] { new ChannelNewDeposit(id, a.Address, 130) }, LifecycleCalls.EventsOf(bySponsor, Setup));
        Assert.Equal(new UInt256(130), (await Setup.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
        Assert.Equal(new UInt256(70), (await Setup.Reader.GetParticipantInfoAsync(id, b.Address)).Deposit);
        Assert.Equal(NetworkFixture.InitialTokens - 100, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 70, await b.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 30, await sponsor.TokenBalanceAsync());
        Assert.Equal(network + 100, await Setup.TokenBalanceAsync(Setup.Network));
        Assert.Equal(id, await Setup.Reader.ChannelCounterAsync());
    }

    [Fact]
    public async Task Deposit_data_of_the_wrong_length_reverts_the_whole_transfer()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var id = await Setup.OpenWithDepositsAsync(a, b, 100, 0);
        var data = DepositData(a, b);
        var before = await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address);

        foreach (var wrong in new[] { Array.Empty<byte>(), data[..95], [.. data, 0], [.. data, .. new byte[32]] })
            await ContractAssert.RevertsWith("InvalidDepositData", () => DepositAsync(a, new UInt256(50), wrong));
        // A plain ERC223 transfer announces itself with empty data: tokens cannot end up in the network outside a channel.
        await ContractAssert.RevertsWith("InvalidDepositData", () => LifecycleCalls.CallTokenAsync(a, "transfer(address,uint256)", Setup.Network, new UInt256(50)));

        Assert.Equal(before, await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address));
    }

    [Fact]
    public async Task Deposit_data_that_cannot_open_a_channel_reverts_the_whole_transfer()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var counter = await Setup.Reader.ChannelCounterAsync();
        var network = await Setup.TokenBalanceAsync(Setup.Network);

        var invalid = await ContractAssert.RevertsWith(
            "InvalidParticipants",
            () => DepositAsync(a, new UInt256(50), DepositData(a, a)));
        Assert.Equal(a.Address, invalid.Arguments.GetAddress("participant1"));
        var tooShort = await ContractAssert.RevertsWith(
            "SettleTimeoutOutOfRange",
            () => DepositAsync(a, new UInt256(50), TokenNetworkContract.EncodeDepositData(a.Address, b.Address, fixture.Parameters.SettleTimeoutMin - 1)));
        Assert.Equal(new UInt256(fixture.Parameters.SettleTimeoutMin - 1), tooShort.Arguments.GetUInt256("settleTimeout"));
        // A zero-value transfer would open a channel with nothing in it: refused as a deposit that does not rise.
        await ContractAssert.RevertsWith(
            "TotalDepositNotIncreasing",
            () => DepositAsync(a, UInt256.Zero, DepositData(a, b)));

        Assert.Equal(counter, await Setup.Reader.ChannelCounterAsync());
        Assert.Equal(UInt256.Zero, await Setup.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        Assert.Equal(network, await Setup.TokenBalanceAsync(Setup.Network));
    }

    [Fact]
    public async Task A_transfer_into_a_closed_channel_is_refused()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var id = await Setup.OpenWithDepositsAsync(a, b, 100, 20);
        await LifecycleChannels.CloseWithoutProofAsync(a, b, id);
        var before = await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address);

        var error = await ContractAssert.RevertsWith(
            "ChannelNotOpened",
            () => DepositAsync(b, new UInt256(5), DepositData(b, a)));

        Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_transfer_that_takes_a_deposit_past_2_pow_127_minus_1_is_refused()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        await a.CallTokenAsync("mint", a.Address, MaxDeposit + 1);
        var id = await Setup.OpenWithDepositsAsync(a, b, 1, 0);
        var data = DepositData(a, b);
        var before = await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address);

        // The value alone is too large; then the value fits but the new total does not.
        foreach (var (value, reported) in new[] { (MaxDeposit + 1, MaxDeposit + 1), (MaxDeposit, MaxDeposit + 1) })
        {
            var error = await ContractAssert.RevertsWith("AmountTooLarge", () => DepositAsync(a, value, data));
            Assert.Equal(reported, error.Arguments.GetUInt256("amount"));
        }
        Assert.Equal(before, await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address));

        await DepositAsync(a, MaxDeposit - 1, data);
        Assert.Equal(MaxDeposit, (await Setup.Reader.GetParticipantInfoAsync(id, a.Address)).Deposit);
    }

    [Fact]
    public async Task Only_the_token_may_call_tokenFallback()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var data = DepositData(a, b);
        var counter = await Setup.Reader.ChannelCounterAsync();

        var error = await ContractAssert.RevertsWith("NotTheToken", () => a.Network.TokenFallbackAsync(a.Address, 500, data));

        Assert.Equal(a.Address, error.Arguments.GetAddress("caller"));
        Assert.Equal(counter, await Setup.Reader.ChannelCounterAsync());
        Assert.Equal(UInt256.Zero, await Setup.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        // The same call from the token is accepted: the caller is what the network checks.
        var simulated = await LifecycleCalls.SimulateAsync(Setup, Setup.Token, TokenNetworkContract.EncodeTokenFallback(a.Address, 500, data));
        Assert.True(TokenNetworkContract.DecodeTokenFallback(simulated));
    }
}
