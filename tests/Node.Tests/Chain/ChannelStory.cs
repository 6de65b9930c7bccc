using System.Security.Cryptography;
using Photon.Contracts.Bindings;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// The whole life of channels on chain, sent as the node sends it: register, open and deposit through the parties'
/// <see cref="Photon.Node.Chain.ChainActions"/>; every other call as a <c>ContractSend*</c> event journaled in the
/// party's database and carried out by its <see cref="Photon.Node.Chain.ChainTransactionRunner"/>. A token registered
/// (and a channel opened in its new network), A–B opened with A's deposit, deposits by both, withdrawals by both (each
/// with both signatures), a secret registered, A closes with B's proof holding two locks, B updates with A's proof,
/// A unlocks the lock it had disposed of, B punishes it, B settles; C–D opened and settled cooperatively. Records the
/// state changes the chain sync must produce for all of it, in order, built from the story's own values (not from the logs).
/// </summary>
public sealed class ChannelStory
{
    private readonly List<StateChange> _expected = [];
    private readonly List<ChainOutcome> _outcomes = [];

    private ChannelStory(ChainFixture fixture, ulong startBlock)
    {
        Fixture = fixture;
        StartBlock = startBlock;
    }

    public ChainFixture Fixture { get; }

    /// <summary>The head before the story's first transaction.</summary>
    public ulong StartBlock { get; }

    public Address A { get; private set; }

    public Address B { get; private set; }

    public Address C { get; private set; }

    public Address D { get; private set; }

    public Address NewToken { get; private set; }

    public Address NewNetwork { get; private set; }

    public UInt256 NewNetworkChannel { get; private set; }

    public UInt256 ChannelAB { get; private set; }

    public UInt256 ChannelCD { get; private set; }

    public Hash256 SecretHash { get; private set; }

    /// <summary>The block of the last withdraw of A–B (its deposits and withdrawals all done, still open).</summary>
    public ulong WithdrawnBlock { get; private set; }

    public ulong ClosedBlock { get; private set; }

    public ulong SettledBlock { get; private set; }

    /// <summary>The block of C–D's last deposit (open, both deposits in).</summary>
    public ulong DepositedCDBlock { get; private set; }

    public ulong CooperativeSettledBlock { get; private set; }

    public IReadOnlyList<StateChange> Expected => _expected;

    /// <summary>Every journal row the story ran, in order.</summary>
    public IReadOnlyList<ChainOutcome> Outcomes => _outcomes;

    public static async Task<ChannelStory> RunAsync(ChainFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var story = new ChannelStory(fixture, await fixture.HeadAsync());
        await story.RunAsync();
        return story;
    }

    private async Task RunAsync()
    {
        var f = Fixture;
        var network = f.Network;
        var ct = CancellationToken.None;
        var a = await f.NewPartyAsync();
        var b = await f.NewPartyAsync();
        var c = await f.NewPartyAsync();
        var d = await f.NewPartyAsync();
        (A, B, C, D) = (a.Address, b.Address, c.Address, d.Address);

        // register_token, then open_channel (no deposit) in the network it created.
        NewToken = await f.DeployTokenAsync();
        await a.Actions.RegisterTokenAsync(NewToken, ct);
        NewNetwork = await new TokenNetworkRegistryContract(f.Eth, f.Deployment.TokenNetworkRegistry).TokenToTokenNetworkAsync(NewToken);
        Assert.NotEqual(Address.Zero, NewNetwork);
        _expected.Add(new ContractReceiveTokenNetworkCreated(NewToken, NewNetwork, await a.LastBlockAsync()));
        await a.Actions.OpenChannelAsync(NewNetwork, NewToken, b.Address, ChainFixture.SettleTimeout, UInt256.Zero, ct);
        NewNetworkChannel = await ChannelOfAsync(NewNetwork, a, b);
        ExpectOpened(NewNetwork, NewNetworkChannel, a, b, await a.LastBlockAsync());

        // open_channel with A's deposit (approve, then open and deposit in one transaction), then deposits of both.
        await a.Actions.OpenChannelAsync(network, f.Token, b.Address, ChainFixture.SettleTimeout, new UInt256(300), ct);
        ChannelAB = await ChannelOfAsync(network, a, b);
        var opened = await a.LastBlockAsync();
        ExpectOpened(network, ChannelAB, a, b, opened);
        ExpectDeposit(network, ChannelAB, a, 300, opened);
        await b.Actions.SetTotalDepositAsync(network, f.Token, ChannelAB, a.Address, new UInt256(700), ct);
        ExpectDeposit(network, ChannelAB, b, 700, await b.LastBlockAsync());
        await a.Actions.SetTotalDepositAsync(network, f.Token, ChannelAB, b.Address, new UInt256(400), ct);
        ExpectDeposit(network, ChannelAB, a, 400, await a.LastBlockAsync());

        // withdraw: each participant raises its own total with both signatures.
        foreach (var (who, partner, total) in new[] { (a, b, 50UL), (b, a, 60UL) })
        {
            var expiration = await f.HeadAsync() + 100;
            var proof = new WithdrawProof(ChannelAB, who.Address, new UInt256(total), new UInt256(expiration));
            var withdrawn = await LandAsync(who, new ContractSendChannelWithdraw(
                network, ChannelAB, who.Address, new UInt256(total), expiration, who.Sign(proof), partner.Sign(proof)));
            WithdrawnBlock = withdrawn.Receipt!.BlockNumber;
            _expected.Add(new ContractReceiveChannelWithdraw(network, ChannelAB, who.Address, new UInt256(total), WithdrawnBlock));
        }

        // B owes A two locks; A disposes of the first (signs Disposed) but will unlock it on chain anyway.
        var expirationOfLocks = new UInt256(await f.HeadAsync() + 1000);
        var secret = new Hash256(RandomNumberGenerator.GetBytes(32));
        SecretHash = Photon.Contracts.Locks.SecretHash.Of(secret);
        var disposed = new HashTimeLock(expirationOfLocks, new UInt256(10), SecretHash);
        var kept = new HashTimeLock(expirationOfLocks, new UInt256(11), Photon.Contracts.Locks.SecretHash.Of(new Hash256(RandomNumberGenerator.GetBytes(32))));
        var proofOfB = b.SignBalanceProof(ChannelAB, new UInt256(100), 1, [disposed, kept], new Hash256(RandomNumberGenerator.GetBytes(32)));
        var proofOfA = a.SignBalanceProof(ChannelAB, new UInt256(5), 1, []);
        var disposedAdditionalHash = new Hash256(RandomNumberGenerator.GetBytes(32));
        var disposedSignature = a.Sign(new DisposedProof(ChannelAB, disposed.LockHash, disposedAdditionalHash));

        // register_secret
        var registeredSecret = await LandAsync(a, new ContractSendSecretRegister(secret, SecretHash));
        _expected.Add(new ContractReceiveSecretRevealed(SecretHash, secret, registeredSecret.Receipt!.BlockNumber));

        // close by A with B's proof; update by B with A's proof.
        var closed = await LandAsync(a, new ContractSendChannelClose(
            network, ChannelAB, b.Address, proofOfB.BalanceHash, proofOfB.Nonce, proofOfB.AdditionalHash, proofOfB.Signature));
        ClosedBlock = closed.Receipt!.BlockNumber;
        _expected.Add(new ContractReceiveChannelClosed(network, ChannelAB, a.Address, 1, proofOfB.BalanceHash, ClosedBlock));
        var updated = await LandAsync(b, new ContractSendChannelUpdate(
            network, ChannelAB, a.Address, proofOfA.BalanceHash, proofOfA.Nonce, proofOfA.AdditionalHash, proofOfA.Signature));
        _expected.Add(new ContractReceiveNonClosingBalanceProofUpdated(network, ChannelAB, a.Address, 1, proofOfA.BalanceHash, updated.Receipt!.BlockNumber));

        // unlock by A of the disposed lock; punish by B.
        var unlocked = await LandAsync(a, new ContractSendChannelUnlock(
            network, ChannelAB, b.Address, new UInt256(100), disposed, proofOfB.Tree.ProofFor(disposed.LockHash)));
        _expected.Add(new ContractReceiveChannelUnlocked(network, ChannelAB, a.Address, disposed.LockHash, new UInt256(110), unlocked.Receipt!.BlockNumber));
        var punished = await LandAsync(b, new ContractSendPunishObsoleteUnlock(
            network, ChannelAB, b.Address, a.Address, disposed.LockHash, disposedAdditionalHash, disposedSignature));
        _expected.Add(new ContractReceiveChannelPunished(network, ChannelAB, b.Address, a.Address, punished.Receipt!.BlockNumber));

        // settle by B after the settle block and the punish window: the cheater's whole share goes to B.
        var info = await f.NetworkReader.GetChannelInfoAsync(ChannelAB);
        await f.MineToAsync((ulong)info.SettleBlockNumber + f.Deployment.Parameters.PunishWindow);
        var settled = await LandAsync(b, new ContractSendChannelSettle(
            network, ChannelAB, a.Address, proofOfA.TransferredAmount, proofOfA.Locksroot, b.Address, new UInt256(110), proofOfB.Locksroot));
        SettledBlock = settled.Receipt!.BlockNumber;
        _expected.Add(new ContractReceiveChannelSettled(network, ChannelAB, UInt256.Zero, new UInt256(990), SettledBlock));

        // C–D: open with C's deposit, D deposits, then a cooperative settle sent by C.
        await c.Actions.OpenChannelAsync(network, f.Token, d.Address, ChainFixture.SettleTimeout, new UInt256(100), ct);
        ChannelCD = await ChannelOfAsync(network, c, d);
        var openedCD = await c.LastBlockAsync();
        ExpectOpened(network, ChannelCD, c, d, openedCD);
        ExpectDeposit(network, ChannelCD, c, 100, openedCD);
        await d.Actions.SetTotalDepositAsync(network, f.Token, ChannelCD, c.Address, new UInt256(50), ct);
        DepositedCDBlock = await d.LastBlockAsync();
        ExpectDeposit(network, ChannelCD, d, 50, DepositedCDBlock);
        var settle = new CooperativeSettleProof(ChannelCD, c.Address, new UInt256(80), d.Address, new UInt256(70));
        var cooperative = await LandAsync(c, new ContractSendCooperativeSettle(
            network, ChannelCD, c.Address, new UInt256(80), d.Address, new UInt256(70), c.Sign(settle), d.Sign(settle)));
        CooperativeSettledBlock = cooperative.Receipt!.BlockNumber;
        _expected.Add(new ContractReceiveChannelCooperativeSettled(network, ChannelCD, new UInt256(80), new UInt256(70), CooperativeSettledBlock));
    }

    /// <summary>Whether a state change belongs to this story (other tests share the chain).</summary>
    public bool Owns(StateChange change) => change switch
    {
        ContractReceiveTokenNetworkCreated e => e.Token == NewToken,
        ContractReceiveSecretRevealed e => e.SecretHash == SecretHash,
        ContractReceiveChannelOpened e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelDeposit e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelWithdraw e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelClosed e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveNonClosingBalanceProofUpdated e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelUnlocked e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelPunished e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelSettled e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        ContractReceiveChannelCooperativeSettled e => OwnsChannel(e.TokenNetwork, e.ChannelId),
        _ => false,
    };

    private bool OwnsChannel(Address network, UInt256 channel) =>
        (network == Fixture.Network && (channel == ChannelAB || channel == ChannelCD)) || (network == NewNetwork && channel == NewNetworkChannel);

    private async Task<ChainOutcome> LandAsync(TestParty party, Event transaction)
    {
        var outcome = await party.MustLandAsync(transaction);
        _outcomes.Add(outcome);
        return outcome;
    }

    private async Task<UInt256> ChannelOfAsync(Address network, TestParty participant1, TestParty participant2)
    {
        var channel = await new TokenNetworkContract(Fixture.Eth, network).GetChannelIdentifierAsync(participant1.Address, participant2.Address);
        Assert.NotEqual(UInt256.Zero, channel);
        return channel;
    }

    private void ExpectOpened(Address network, UInt256 channel, TestParty opener, TestParty partner, ulong block) =>
        _expected.Add(new ContractReceiveChannelOpened(network, channel, opener.Address, partner.Address, ChainFixture.SettleTimeout, block));

    private void ExpectDeposit(Address network, UInt256 channel, TestParty who, ulong total, ulong block) =>
        _expected.Add(new ContractReceiveChannelDeposit(network, channel, who.Address, new UInt256(total), block));
}
