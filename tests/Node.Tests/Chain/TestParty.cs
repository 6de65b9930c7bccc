using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Chain;
using Photon.Node.Storage;
using Photon.Protocol.Events;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// A node's account in chain tests, built as NodeHost builds it: a sender, <see cref="ChainActions"/> for the calls the
/// API makes itself, and a started <see cref="ChainTransactionRunner"/> over a real <see cref="NodeDatabase"/> in its own
/// temporary directory (removed on dispose).
/// </summary>
public sealed class TestParty : IAsyncDisposable
{
    private readonly string _directory;
    private bool _runnerStopped;

    private TestParty(ChainFixture fixture, PrivateKey key, EthClient eth)
    {
        Fixture = fixture;
        Key = key;
        Sender = new TransactionSender(eth, key, fixture.ChainId, ChainFixture.SenderOptions);
        Actions = new ChainActions(Sender, fixture.Deployment.TokenNetworkRegistry);
        _directory = Path.Combine(Path.GetTempPath(), "photon-chain-tests-" + Guid.NewGuid().ToString("N"));
        Journal = new RecordingJournal(NodeDatabase.Open(Path.Combine(_directory, "node.db")));
        Runner = NewRunner();
    }

    public ChainFixture Fixture { get; }

    public PrivateKey Key { get; }

    public Address Address => Key.Address;

    public TransactionSender Sender { get; }

    public ChainActions Actions { get; }

    public RecordingJournal Journal { get; }

    public RunnerWatch Watch { get; } = new();

    /// <summary>The running runner; <see cref="RestartRunnerAsync"/> replaces it.</summary>
    public ChainTransactionRunner Runner { get; private set; }

    /// <summary>A party whose runner is started (unless told not to); <paramref name="eth"/> replaces the fixture's client.</summary>
    public static async Task<TestParty> StartAsync(ChainFixture fixture, PrivateKey key, EthClient? eth = null, bool startRunner = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var party = new TestParty(fixture, key, eth ?? fixture.Eth);
        if (startRunner)
            await party.Runner.StartAsync(CancellationToken.None);
        return party;
    }

    /// <summary>Stops the runner as a node shutting down (or crashing mid-wait) would: rows it was carrying stay as the journal has them.</summary>
    public async Task StopRunnerAsync()
    {
        if (!_runnerStopped)
            await Runner.DisposeAsync();
        _runnerStopped = true;
    }

    /// <summary>Stops the runner (if running) and starts a new one on the same database, as a restarted node does: it resumes the unfinished rows first.</summary>
    public async Task RestartRunnerAsync()
    {
        await StopRunnerAsync();
        Runner = NewRunner();
        _runnerStopped = false;
        await Runner.StartAsync(CancellationToken.None);
    }

    public Signature Sign(SignedProof proof) => proof.Sign(Key, Fixture.Domain);

    /// <summary>This party's balance proof for its partner, over a transferred amount and the tree of its pending locks.</summary>
    public SignedBalanceProof SignBalanceProof(UInt256 channelId, UInt256 transferred, ulong nonce, IReadOnlyList<HashTimeLock> locks, Hash256 additionalHash = default)
    {
        var tree = LocksMerkleTree.FromLocks(locks);
        var proof = new BalanceProof(channelId, BalanceHash.Compute(transferred, tree.Root), new UInt256(nonce), additionalHash);
        return new SignedBalanceProof(proof, Sign(proof), transferred, tree);
    }

    /// <summary>Journals <paramref name="transaction"/> as the runtime does (kind and request from <see cref="ContractCalls.Describe"/>) and returns the new row.</summary>
    public async Task<ChainTransactionRecord> AddRowAsync(Event transaction)
    {
        var (kind, request) = ContractCalls.Describe(transaction) ?? throw new ArgumentException($"{transaction} is no chain transaction", nameof(transaction));
        var id = await Journal.AddAsync(kind, request, CancellationToken.None);
        return new ChainTransactionRecord(id, kind, request, ChainTransactionStatus.Pending, null, null);
    }

    /// <summary>Journals and enqueues <paramref name="transaction"/>, and waits until the runner reports its end.</summary>
    public async Task<ChainOutcome> RunAsync(Event transaction)
    {
        var row = await AddRowAsync(transaction);
        Runner.Enqueue(row);
        return await OutcomeOfAsync(row);
    }

    /// <summary>Like <see cref="RunAsync"/>; asserts the row ended Mined, in the database too.</summary>
    public async Task<ChainOutcome> MustLandAsync(Event transaction)
    {
        var outcome = await RunAsync(transaction);
        Assert.True(outcome.Status == ChainTransactionStatus.Mined, $"{outcome.Kind} ended {outcome.Status}: {outcome.Error}");
        Assert.Equal(ChainTransactionStatus.Mined, Journal.Database.TransactionStatus(outcome.Id));
        Assert.True(outcome.Receipt is { Succeeded: true }, $"{outcome.Kind} has no successful receipt");
        return outcome;
    }

    /// <summary>How <paramref name="row"/> ended, with the receipt of its last recorded hash.</summary>
    public async Task<ChainOutcome> OutcomeOfAsync(ChainTransactionRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var (status, error) = await Watch.EndOfAsync(row.Id);
        var hashes = Journal.SubmissionsOf(row.Id);
        Hash256? hash = hashes.Count > 0 ? hashes[^1] : row.Hash;
        var receipt = hash is { } h ? await Fixture.Eth.GetTransactionReceiptAsync(h) : null;
        return new ChainOutcome(row.Id, row.Kind, status, error, hash, receipt);
    }

    /// <summary>The block of this party's transaction that was mined last (Anvil mines each transaction in its own block).</summary>
    public async Task<ulong> LastBlockAsync()
    {
        var head = await Fixture.HeadAsync();
        Assert.True(await Fixture.Eth.GetTransactionCountAsync(Address, head) > await Fixture.Eth.GetTransactionCountAsync(Address, head - 1), $"{Address} sent nothing in block {head}");
        return head;
    }

    /// <summary>Stops the runner and removes the database, even when the runner's loop had failed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopRunnerAsync();
        }
        finally
        {
            Journal.Database.Dispose();
            if (Directory.Exists(_directory))
                Directory.Delete(_directory, recursive: true);
        }
    }

    public override string ToString() => Address.ToString();

    private ChainTransactionRunner NewRunner()
    {
        var runner = new ChainTransactionRunner(Sender, Journal, Fixture.Deployment.SecretRegistry);
        Watch.Attach(runner);
        return runner;
    }
}
