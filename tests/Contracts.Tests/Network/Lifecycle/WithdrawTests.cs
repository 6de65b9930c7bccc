using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Lifecycle;

public sealed class WithdrawTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private TokenNetworkSetup Main => fixture.Main;

    [Fact]
    public async Task Both_signatures_pay_out_exactly_the_rise_to_the_participant()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var submitter = await fixture.NewPartyAsync();
        var network = await Main.TokenBalanceAsync(Main.Network);

        var first = await WithdrawAsync(submitter, id, a, b, 300, await ExpirationAsync());

        Assert.Equal(new TokenNetworkEvent[] { new ChannelWithdraw(id, a.Address, 300) }, LifecycleCalls.EventsOf(first, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 1000 + 300, await a.TokenBalanceAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await submitter.TokenBalanceAsync());
        Assert.Equal(network - 300, await Main.TokenBalanceAsync(Main.Network));
        var info = await Main.Reader.GetParticipantInfoAsync(id, a.Address);
        Assert.Equal((new UInt256(1000), new UInt256(300)), (info.Deposit, info.Withdrawn));

        var second = await WithdrawAsync(a, id, a, b, 450, await ExpirationAsync());

        Assert.Equal(new TokenNetworkEvent[] { new ChannelWithdraw(id, a.Address, 450) }, LifecycleCalls.EventsOf(second, Main));
        Assert.Equal(NetworkFixture.InitialTokens - 1000 + 450, await a.TokenBalanceAsync());
        Assert.Equal(network - 450, await Main.TokenBalanceAsync(Main.Network));
        Assert.Equal(new UInt256(450), (await Main.Reader.GetParticipantInfoAsync(id, a.Address)).Withdrawn);
        Assert.Equal(NetworkFixture.InitialTokens - 500, await b.TokenBalanceAsync());
        Assert.Equal(UInt256.Zero, (await Main.Reader.GetParticipantInfoAsync(id, b.Address)).Withdrawn);
        Assert.Equal(ChannelState.Opened, (await Main.Reader.GetChannelInfoAsync(id)).State);
    }

    [Fact]
    public async Task A_missing_or_truncated_signature_is_refused()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var expiration = await ExpirationAsync();
        var proof = new WithdrawProof(id, a.Address, 300, expiration);
        var own = a.Sign(proof).ToBytes();
        var partners = b.Sign(proof).ToBytes();
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var (participantSignature, partnerSignature) in new[] { ([], partners), (own, []), (own[..64], partners), (own, [.. partners, 0]) })
        {
            var data = TokenNetworkContract.Abi.GetFunction("setTotalWithdraw")
                .EncodeCall(id, a.Address, new UInt256(300), expiration, participantSignature, partnerSignature);
            await ContractAssert.RevertsWith("InvalidSignature", () => LifecycleCalls.SendToNetworkAsync(a, data));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_forged_swapped_or_foreign_signature_is_refused()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var stranger = await fixture.NewPartyAsync();
        var expiration = await ExpirationAsync();
        var proof = new WithdrawProof(id, a.Address, 300, expiration);
        var own = a.Sign(proof);
        var partners = b.Sign(proof);
        var otherAmount = a.Sign(proof with { TotalWithdraw = 299 });
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        foreach (var (participantSignature, partnerSignature) in new[] { (LifecycleCalls.Malleate(own), partners), (own, LifecycleCalls.Malleate(partners)) })
        {
            await ContractAssert.RevertsWith(
                "InvalidSignature", () => a.Network.SetTotalWithdrawAsync(id, a.Address, 300, expiration, participantSignature, partnerSignature));
        }
        foreach (var (participantSignature, partnerSignature, expected, recovered) in new[]
        {
            (partners, own, a.Address, b.Address),
            (own, own, b.Address, a.Address),
            (own, stranger.Sign(proof), b.Address, stranger.Address),
            (stranger.Sign(proof), partners, a.Address, stranger.Address),
            (otherAmount, partners, a.Address, proof.RecoverSigner(Main.Domain, otherAmount)),
        })
        {
            var error = await ContractAssert.RevertsWith(
                "WrongSigner", () => a.Network.SetTotalWithdrawAsync(id, a.Address, 300, expiration, participantSignature, partnerSignature));
            Assert.Equal(expected, error.Arguments.GetAddress("expected"));
            Assert.Equal(recovered, error.Arguments.GetAddress("recovered"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task The_expiration_block_is_the_last_block_that_accepts_the_withdrawal()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);

        // Automine puts the next transaction in head + 1.
        var lastAllowed = new UInt256(await fixture.BlockNumberAsync() + 1);
        var accepted = await WithdrawAsync(a, id, a, b, 100, lastAllowed);
        Assert.Equal(lastAllowed, new UInt256(accepted.BlockNumber));

        var head = await fixture.BlockNumberAsync();
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);
        var error = await ContractAssert.RevertsWith("WithdrawExpired", () => WithdrawAsync(a, id, a, b, 200, head));

        Assert.Equal(new UInt256(head), error.Arguments.GetUInt256("expirationBlock"));
        Assert.Equal(new UInt256(head + 1), error.Arguments.GetUInt256("blockNumber"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
        Assert.Equal(new UInt256(100), before.First.Withdrawn);
    }

    [Fact]
    public async Task A_replayed_request_or_a_lower_total_is_refused()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var expiration = await ExpirationAsync();
        var proof = new WithdrawProof(id, a.Address, 300, expiration);
        var own = a.Sign(proof);
        var partners = b.Sign(proof);
        await a.Network.SetTotalWithdrawAsync(id, a.Address, 300, expiration, own, partners);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var replay = await ContractAssert.RevertsWith(
            "TotalWithdrawNotIncreasing", () => b.Network.SetTotalWithdrawAsync(id, a.Address, 300, expiration, own, partners));
        Assert.Equal((new UInt256(300), new UInt256(300)), (replay.Arguments.GetUInt256("current"), replay.Arguments.GetUInt256("requested")));
        var lower = await ContractAssert.RevertsWith("TotalWithdrawNotIncreasing", () => WithdrawAsync(a, id, a, b, 200, expiration));
        Assert.Equal((new UInt256(300), new UInt256(200)), (lower.Arguments.GetUInt256("current"), lower.Arguments.GetUInt256("requested")));

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task A_participant_may_withdraw_up_to_the_channel_total_less_the_partners_withdrawals()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var network = await Main.TokenBalanceAsync(Main.Network);
        var expiration = await ExpirationAsync();
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var overA = await ContractAssert.RevertsWith("WithdrawExceedsChannel", () => WithdrawAsync(a, id, a, b, 1501, expiration));
        Assert.Equal((new UInt256(1501), new UInt256(1500)), (overA.Arguments.GetUInt256("totalWithdraw"), overA.Arguments.GetUInt256("available")));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));

        // More than its own deposit: the split is agreed off-chain, the contract only keeps the channel solvent.
        await WithdrawAsync(a, id, a, b, 1200, expiration);
        Assert.Equal(NetworkFixture.InitialTokens + 200, await a.TokenBalanceAsync());

        var overB = await ContractAssert.RevertsWith("WithdrawExceedsChannel", () => WithdrawAsync(b, id, b, a, 301, expiration));
        Assert.Equal((new UInt256(301), new UInt256(300)), (overB.Arguments.GetUInt256("totalWithdraw"), overB.Arguments.GetUInt256("available")));

        await WithdrawAsync(b, id, b, a, 300, expiration);
        Assert.Equal(NetworkFixture.InitialTokens - 200, await b.TokenBalanceAsync());
        Assert.Equal(network - 1500, await Main.TokenBalanceAsync(Main.Network));
        var overA2 = await ContractAssert.RevertsWith("WithdrawExceedsChannel", () => WithdrawAsync(a, id, a, b, 1201, expiration));
        Assert.Equal(new UInt256(1200), overA2.Arguments.GetUInt256("available"));
    }

    [Fact]
    public async Task A_withdrawal_from_a_closed_or_missing_channel_or_for_a_stranger_is_refused()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var stranger = await fixture.NewPartyAsync();
        var expiration = await ExpirationAsync();

        var notParticipant = await ContractAssert.RevertsWith("NotParticipant", () => WithdrawAsync(a, id, stranger, a, 100, expiration));
        Assert.Equal(stranger.Address, notParticipant.Arguments.GetAddress("account"));
        var missing = await Main.Reader.ChannelCounterAsync() + 1;
        var notOpened = await ContractAssert.RevertsWith("ChannelNotOpened", () => WithdrawAsync(a, missing, a, b, 100, expiration));
        Assert.Equal(missing, notOpened.Arguments.GetUInt256("channelId"));

        var proof = new WithdrawProof(id, a.Address, 100, expiration);
        var (own, partners) = (a.Sign(proof), b.Sign(proof));
        await LifecycleChannels.CloseWithoutProofAsync(b, a, id);
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var closed = await ContractAssert.RevertsWith("ChannelNotOpened", () => a.Network.SetTotalWithdrawAsync(id, a.Address, 100, expiration, own, partners));

        Assert.Equal(id, closed.Arguments.GetUInt256("channelId"));
        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task Signatures_for_another_channel_or_another_network_are_refused()
    {
        var (a, b, id) = await ChannelAsync(1000, 500);
        var other = await fixture.CreateNetworkAsync(ContractArtifacts.TestToken, "Other", "OTH");
        var expiration = await ExpirationAsync();
        var proof = new WithdrawProof(id, a.Address, 300, expiration);
        var foreignDomains = new[] { other.Domain, PhotonDomain.Create(new UInt256(fixture.ChainId + 1), Main.Network) };
        var before = await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address);

        var signed = new List<(Signature Own, Signature Partners)> { (a.Sign(proof with { ChannelId = id + 1 }), b.Sign(proof with { ChannelId = id + 1 })) };
        signed.AddRange(foreignDomains.Select(domain => (proof.Sign(a.Key, domain), proof.Sign(b.Key, domain))));
        foreach (var (own, partners) in signed)
        {
            var error = await ContractAssert.RevertsWith("WrongSigner", () => a.Network.SetTotalWithdrawAsync(id, a.Address, 300, expiration, own, partners));
            Assert.Equal(a.Address, error.Arguments.GetAddress("expected"));
            Assert.Equal(proof.RecoverSigner(Main.Domain, own), error.Arguments.GetAddress("recovered"));
        }

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, id, a.Address, b.Address));
    }

    [Fact]
    public async Task Signatures_of_a_settled_channel_do_not_work_on_the_pairs_next_channel()
    {
        var (a, b, first) = await ChannelAsync(1000, 500);
        var expiration = await ExpirationAsync();
        var proof = new WithdrawProof(first, a.Address, 300, expiration);
        var (own, partners) = (a.Sign(proof), b.Sign(proof));
        await LifecycleChannels.CooperativeSettleAsync(a, 1000, b, 500, first);
        var second = await Main.OpenWithDepositsAsync(a, b, 1000, 500);
        var before = await LifecycleState.CaptureAsync(Main, second, a.Address, b.Address);

        var old = await ContractAssert.RevertsWith("ChannelNotOpened", () => a.Network.SetTotalWithdrawAsync(first, a.Address, 300, expiration, own, partners));
        Assert.Equal(first, old.Arguments.GetUInt256("channelId"));
        var replayed = await ContractAssert.RevertsWith("WrongSigner", () => a.Network.SetTotalWithdrawAsync(second, a.Address, 300, expiration, own, partners));
        Assert.Equal(a.Address, replayed.Arguments.GetAddress("expected"));

        Assert.Equal(before, await LifecycleState.CaptureAsync(Main, second, a.Address, b.Address));
    }

    private async Task<(Party A, Party B, UInt256 ChannelId)> ChannelAsync(ulong depositA, ulong depositB)
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        return (a, b, await Main.OpenWithDepositsAsync(a, b, depositA, depositB));
    }

    private async Task<UInt256> ExpirationAsync() => await fixture.BlockNumberAsync() + 20;

    /// <summary><paramref name="submitter"/> sends <paramref name="participant"/>'s withdrawal, signed by both participants.</summary>
    private static Task<TransactionReceipt> WithdrawAsync(Party submitter, UInt256 channelId, Party participant, Party partner, UInt256 total, UInt256 expiration)
    {
        var proof = new WithdrawProof(channelId, participant.Address, total, expiration);
        return submitter.Network.SetTotalWithdrawAsync(channelId, participant.Address, total, expiration, participant.Sign(proof), partner.Sign(proof));
    }
}
