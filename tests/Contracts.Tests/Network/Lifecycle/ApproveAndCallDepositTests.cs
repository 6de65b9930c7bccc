using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Deployment;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Lifecycle;

/// <summary>Deposits made by approveAndCall: the token approves the network and calls receiveApproval, which pulls the value.</summary>
public sealed class ApproveAndCallDepositTests(LifecycleCallbackFixture fixture) : IClassFixture<LifecycleCallbackFixture>
{
    private const string ApproveAndCall = "approveAndCall";

    private TokenNetworkSetup Setup => fixture.ApproveAndCall;

    private UInt256 Timeout => Setup.SettleTimeout;

    private Task<Party> NewPartyAsync() => Setup.NewPartyAsync();

    private Task<TransactionReceipt> DepositAsync(Party sender, UInt256 value, byte[] data) =>
        LifecycleCalls.CallTokenAsync(sender, ApproveAndCall, Setup.Network, value, data);

    private byte[] DepositData(Party participant, Party partner) => TokenNetworkContract.EncodeDepositData(participant.Address, partner.Address, Timeout);

    [Fact]
    public async Task ApproveAndCall_with_deposit_data_opens_the_channel_and_deposits_in_one_transaction()
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
        // The approval was for exactly the deposit, and the pull used it up.
        Assert.Equal(UInt256.Zero, await Setup.TokenReader.AllowanceAsync(a.Address, Setup.Network));
    }

    [Fact]
    public async Task ApproveAndCall_for_a_pair_with_a_channel_adds_to_the_named_participants_deposit()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var sponsor = await NewPartyAsync();
        var id = await Setup.OpenWithDepositsAsync(a, b, 100, 0);
        var network = await Setup.TokenBalanceAsync(Setup.Network);

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
    public async Task Deposit_data_of_the_wrong_length_reverts_the_approval_and_the_deposit()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var id = await Setup.OpenWithDepositsAsync(a, b, 100, 0);
        var data = DepositData(a, b);
        var before = await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address);

        foreach (var wrong in new[] { Array.Empty<byte>(), data[..95], [.. data, 0], [.. data, .. new byte[32]] })
            await ContractAssert.RevertsWith("InvalidDepositData", () => DepositAsync(a, new UInt256(50), wrong));

        Assert.Equal(before, await LifecycleState.CaptureAsync(Setup, id, a.Address, b.Address));
        // The unlimited approval of the party's setup is untouched: approveAndCall reverted as a whole.
        Assert.Equal(UInt256.MaxValue, await Setup.TokenReader.AllowanceAsync(a.Address, Setup.Network));
    }

    [Fact]
    public async Task ApproveAndCall_beyond_the_callers_balance_is_refused_and_opens_nothing()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var counter = await Setup.Reader.ChannelCounterAsync();
        var network = await Setup.TokenBalanceAsync(Setup.Network);

        await ContractAssert.RevertsWith(
            "TokenTransferFailed",
            () => DepositAsync(a, NetworkFixture.InitialTokens + 1, DepositData(a, b)));

        Assert.Equal(counter, await Setup.Reader.ChannelCounterAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
        Assert.Equal(network, await Setup.TokenBalanceAsync(Setup.Network));
    }

    [Fact]
    public async Task Only_the_token_may_call_receiveApproval()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var data = DepositData(a, b);
        var counter = await Setup.Reader.ChannelCounterAsync();

        var direct = await ContractAssert.RevertsWith("NotTheToken", () => a.Network.ReceiveApprovalAsync(a.Address, 500, Setup.Token, data));
        Assert.Equal(a.Address, direct.Arguments.GetAddress("caller"));

        // Another ApproveAndCall token calling the network with its own address.
        var (otherToken, _) = await PhotonDeployer.DeployAsync(fixture.Deployer, ContractArtifacts.ApproveAndCallToken, []);
        var call = ContractArtifacts.ApproveAndCallToken.Abi.GetFunction(ApproveAndCall).EncodeCall(Setup.Network, new UInt256(500), data);
        var other = await ContractAssert.RevertsWith("NotTheToken", () => LifecycleCalls.SendAsync(a.Sender, otherToken, call, Setup.Network));
        Assert.Equal(otherToken, other.Arguments.GetAddress("caller"));

        Assert.Equal(counter, await Setup.Reader.ChannelCounterAsync());
        Assert.Equal(NetworkFixture.InitialTokens, await a.TokenBalanceAsync());
    }

    [Fact]
    public async Task ReceiveApproval_from_the_token_naming_another_token_is_refused()
    {
        var a = await NewPartyAsync();
        var b = await NewPartyAsync();
        var data = DepositData(a, b);

        // Simulated as the token itself (no key needed for eth_call): only the token argument differs.
        var error = await ContractAssert.RevertsWith(
            "NotTheToken",
            () => LifecycleCalls.SimulateAsync(Setup, Setup.Token, TokenNetworkContract.EncodeReceiveApproval(a.Address, 500, fixture.Main.Token, data)));
        Assert.Equal(Setup.Token, error.Arguments.GetAddress("caller"));

        var accepted = await LifecycleCalls.SimulateAsync(Setup, Setup.Token, TokenNetworkContract.EncodeReceiveApproval(a.Address, 500, Setup.Token, data));
        Assert.True(TokenNetworkContract.DecodeReceiveApproval(accepted));
    }
}
