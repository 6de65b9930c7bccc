using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Lifecycle;

public sealed class CooperativeSettleTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private static readonly ParticipantInfo NoRecord = new(UInt256.Zero, UInt256.Zero, Hash256.Zero, UInt256.Zero, false);

    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task Both_signatures_pay_each_side_at_once_and_delete_the_channel()
    {
        // a deposits 1000 and withdraws 200, b deposits 500: the channel holds 1300.
        var (a, b, id) = await ChannelAsync();
        var submitter = await fixture.NewPartyAsync();
        var network = await Main.TokenBalanceAsync(Main.Network);

        var receipt = await SettleAsync(submitter, id, a, 500, b, 800);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelCooperativeSettled(id, 500, 800) }, LifecycleCalls.EventsOf(receipt, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 1000 + 200 + 500, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 500 + 800, await b.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await submitter.TokenBalanceAsync());
        Assert.Equal(network - 1300, await Main.TokenBalanceAsync(Main.Network));
        await AssertDeletedAsync(id, a, b);
    }

    [Fact]
    public async Task The_participants_may_be_named_in_either_order_and_the_event_follows_the_channels_order()
    {
        var (a, b, id) = await ChannelAsync();
        var network = await Main.TokenBalanceAsync(Main.Network);

        var receipt = await SettleAsync(b, id, b, 800, a, 500);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelCooperativeSettled(id, 500, 800) }, LifecycleCalls.EventsOf(receipt, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 1000 + 200 + 500, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 500 + 800, await b.TokenBalanceAsync());
        Assert.Equal(network - 1300, await Main.TokenBalanceAsync(Main.Network));
        await AssertDeletedAsync(id, a, b);
    }

    [Fact]
    public async Task One_side_may_receive_everything()
    {
        var (a, b, id) = await ChannelAsync();

        var receipt = await SettleAsync(a, id, b, 1300, a, UInt256.Zero);

        Assert.Equal(new TokenNetworkEvent[] { new ChannelCooperativeSettled(id, 0, 1300) }, LifecycleCalls.EventsOf(receipt, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 1000 + 200, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens - 500 + 1300, await b.TokenBalanceAsync());
        await AssertDeletedAsync(id, a, b);
    }

    [Fact]
    public async Task The_pair_may_open_a_new_channel_after_settling_cooperatively()
    {
        var (a, b, id) = await ChannelAsync();
        await SettleAsync(a, id, a, 500, b, 800);
        var counter = await Main.Reader.ChannelCounterAsync();

        var next = await Main.OpenWithDepositsAsync(b, a, 10, 20);

        Assert.Equal(counter + 1, next);
        Assert.Equal(next, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(new UInt256(20), (await Main.Reader.GetParticipantInfoAsync(next, a.Address)).Deposit);
        Assert.Equal(new UInt256(10), (await Main.Reader.GetParticipantInfoAsync(next, b.Address)).Deposit);
    }

    [Fact]
    public async Task Balances_that_do_not_add_up_to_what_the_channel_holds_are_refused_even_when_they_overflow()
    {
        var (a, b, id) = await ChannelAsync();
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var (balanceA, balanceB, sum) in new[]
        {
            (new UInt256(500), new UInt256(799), new UInt256(1299)),
            (new UInt256(500), new UInt256(801), new UInt256(1301)),
            (new UInt256(1301), UInt256.Zero, new UInt256(1301)),
            (UInt256.Zero, UInt256.Zero, UInt256.Zero),
            // Sums that wrap around 2^256 to exactly 1300 and 0: reported saturated.
            (UInt256.MaxValue, new UInt256(1301), UInt256.MaxValue),
            (new UInt256(1), UInt256.MaxValue, UInt256.MaxValue),
        })
        {
            var error = await ContractAssert.RevertsWith("CooperativeSettleMismatch", () => SettleAsync(a, id, a, balanceA, b, balanceB));
            Assert.Equal(sum, error.Arguments.GetUInt256("sum"));
            Assert.Equal(new UInt256(1300), error.Arguments.GetUInt256("channelTotal"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_missing_forged_or_wrong_signature_is_refused()
    {
        var (a, b, id) = await ChannelAsync();
        var stranger = await fixture.NewPartyAsync();
        var proof = new CooperativeSettleProof(id, a.Address, 500, b.Address, 800);
        var (signatureA, signatureB) = (a.Sign(proof), b.Sign(proof));
        var greedy = a.Sign(proof with { Balance1 = 1300, Balance2 = 0 });
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var (first, second) in new[] { ([], signatureB.ToBytes()), (signatureA.ToBytes(), []), (signatureA.ToBytes()[..64], signatureB.ToBytes()) })
        {
            var data = TokenNetworkContract.Abi.GetFunction("cooperativeSettle")
                .EncodeCall(id, a.Address, new UInt256(500), b.Address, new UInt256(800), first, second);
            await ContractAssert.RevertsWith("InvalidSignature", () => LifecycleCalls.SendToNetworkAsync(a, data));
        }
        await ContractAssert.RevertsWith(
            "InvalidSignature", () => a.Network.CooperativeSettleAsync(id, a.Address, 500, b.Address, 800, LifecycleCalls.Malleate(signatureA), signatureB));
        foreach (var (first, second, expected, recovered) in new[]
        {
            (signatureB, signatureA, a.Address, b.Address),
            (signatureA, signatureA, b.Address, a.Address),
            (signatureA, stranger.Sign(proof), b.Address, stranger.Address),
            (greedy, signatureB, a.Address, proof.RecoverSigner(Main.Domain, greedy)),
        })
        {
            var error = await ContractAssert.RevertsWith(
                "WrongSigner", () => a.Network.CooperativeSettleAsync(id, a.Address, 500, b.Address, 800, first, second));
            Assert.Equal(expected, error.Arguments.GetAddress("expected"));
            Assert.Equal(recovered, error.Arguments.GetAddress("recovered"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task Naming_someone_who_is_not_a_participant_is_refused()
    {
        var (a, b, id) = await ChannelAsync();
        var stranger = await fixture.NewPartyAsync();
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address, stranger.Address);

        var error = await ContractAssert.RevertsWith("NotParticipant", () => SettleAsync(a, id, a, 500, stranger, 800));

        Assert.Equal(stranger.Address, error.Arguments.GetAddress("account"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address, stranger.Address));
    }

    [Fact]
    public async Task Cooperative_settlement_is_refused_once_the_channel_is_closed()
    {
        var (a, b, id) = await ChannelAsync();
        var proof = new CooperativeSettleProof(id, a.Address, 500, b.Address, 800);
        var (signatureA, signatureB) = (a.Sign(proof), b.Sign(proof));
        await LifecycleChannels.CloseWithoutProofAsync(a, b, id);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var error = await ContractAssert.RevertsWith(
            "ChannelNotOpened", () => b.Network.CooperativeSettleAsync(id, a.Address, 500, b.Address, 800, signatureA, signatureB));

        Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_settled_channel_cannot_be_settled_again()
    {
        var (a, b, id) = await ChannelAsync();
        var proof = new CooperativeSettleProof(id, a.Address, 500, b.Address, 800);
        var (signatureA, signatureB) = (a.Sign(proof), b.Sign(proof));
        await a.Network.CooperativeSettleAsync(id, a.Address, 500, b.Address, 800, signatureA, signatureB);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var error = await ContractAssert.RevertsWith(
            "ChannelNotOpened", () => b.Network.CooperativeSettleAsync(id, a.Address, 500, b.Address, 800, signatureA, signatureB));

        Assert.Equal(id, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    /// <summary>a deposits 1000 and withdraws 200, b deposits 500: the channel holds 1300.</summary>
    private async Task<(Party A, Party B, UInt256 ChannelId)> ChannelAsync()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var id = await Main.OpenWithDepositsAsync(a, b, 1000, 500);
        var withdraw = new WithdrawProof(id, a.Address, 200, await fixture.BlockNumberAsync() + 10);
        await a.Network.SetTotalWithdrawAsync(id, a.Address, withdraw.TotalWithdraw, withdraw.ExpirationBlock, a.Sign(withdraw), b.Sign(withdraw));
        return (a, b, id);
    }

    /// <summary><paramref name="submitter"/> sends the settlement that both named parties signed, in the order named.</summary>
    private static Task<TransactionReceipt> SettleAsync(Party submitter, UInt256 channelId, Party first, UInt256 firstBalance, Party second, UInt256 secondBalance)
    {
        var proof = new CooperativeSettleProof(channelId, first.Address, firstBalance, second.Address, secondBalance);
        return submitter.Network.CooperativeSettleAsync(channelId, first.Address, firstBalance, second.Address, secondBalance, first.Sign(proof), second.Sign(proof));
    }

    private async Task AssertDeletedAsync(UInt256 id, Party a, Party b)
    {
        Assert.Equal(new ChannelInfo(ChannelState.Settled, UInt256.Zero, UInt256.Zero, Address.Zero, Address.Zero), await Main.Reader.GetChannelInfoAsync(id));
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(id, a.Address));
        Assert.Equal(NoRecord, await Main.Reader.GetParticipantInfoAsync(id, b.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(a.Address, b.Address));
        Assert.Equal(UInt256.Zero, await Main.Reader.GetChannelIdentifierAsync(b.Address, a.Address));
    }
}
