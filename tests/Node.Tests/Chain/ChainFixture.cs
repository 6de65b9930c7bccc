using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Deployment;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Chain;
using Photon.Protocol.StateChanges;
using Photon.TestSupport;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// A real Anvil with the Photon contracts (dev-chain parameters: settle timeout 5..10,000, punish window 5)
/// and one TestToken network. Tests isolate themselves with fresh parties; the classes of the
/// <see cref="ChainCollection"/> share the chain and run one after another.
/// </summary>
public sealed class ChainFixture : IAsyncLifetime
{
    public const ulong SettleTimeout = 10;

    /// <summary>Anvil mines at once; polling receipts at the default second would make every transaction cost one.</summary>
    public static readonly TransactionSenderOptions SenderOptions = new() { PollInterval = TimeSpan.FromMilliseconds(5) };

    private static readonly UInt256 InitialEther = UInt256.Parse("100000000000000000000");

    private readonly List<TestParty> _parties = [];
    private TransactionSender? _deployer;
    private PhotonDeployment? _deployment;
    private Address _token;
    private Address _network;

    public AnvilFixture Anvil { get; } = new();

    public EthClient Eth => Anvil.Eth;

    public ulong ChainId => Anvil.ChainId;

    public PhotonDeployment Deployment => _deployment ?? throw NotStarted();

    public TransactionSender Deployer => _deployer ?? throw NotStarted();

    public Address Token => _token;

    public Address Network => _network;

    public Eip712Domain Domain => PhotonDomain.Create(new UInt256(ChainId), Network);

    public TokenNetworkContract NetworkReader => new(Eth, Network);

    public async Task InitializeAsync()
    {
        await Anvil.InitializeAsync();
        _deployer = new TransactionSender(Eth, new PrivateKey(Hex.Decode(AnvilFixture.DevPrivateKeys[0])), ChainId, SenderOptions);
        _deployment = await PhotonDeployer.DeployAsync(_deployer, DeploymentParameters.ForDevChain(ChainId));
        (_token, _network) = await CreateNetworkAsync();
    }

    /// <summary>Disposes every party (each one even if another fails), then Anvil.</summary>
    public async Task DisposeAsync()
    {
        var failures = new List<Exception>();
        foreach (var party in _parties)
        {
            try
            {
                await party.DisposeAsync();
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        }
        await Anvil.DisposeAsync();
        if (failures.Count > 0)
            throw new AggregateException("disposing the chain test parties failed", failures);
    }

    /// <summary>A fresh TestToken and its network, created by the deployer.</summary>
    public async Task<(Address Token, Address Network)> CreateNetworkAsync()
    {
        var token = await DeployTokenAsync();
        return (token, await PhotonDeployer.CreateTokenNetworkAsync(Deployer, Deployment.TokenNetworkRegistry, token));
    }

    public async Task<Address> DeployTokenAsync() =>
        (await PhotonDeployer.DeployAsync(Deployer, ContractArtifacts.TestToken, ["Test", "TST"])).Address;

    /// <summary>
    /// A fresh account with ether and 1,000,000 of the main token, approving nothing, its runner started (unless told
    /// not to). <paramref name="eth"/> replaces the client it talks to the chain through.
    /// </summary>
    public async Task<TestParty> NewPartyAsync(EthClient? eth = null, bool startRunner = true)
    {
        var key = PrivateKey.Generate();
        await Anvil.Rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), InitialEther.ToHexString()]);
        var mint = ContractArtifacts.TestToken.Abi.GetFunction("mint").EncodeCall(key.Address, new UInt256(1_000_000));
        await Deployer.SendAsync(Token, mint);
        var party = await TestParty.StartAsync(this, key, eth, startRunner);
        _parties.Add(party);
        return party;
    }

    public Task<ulong> HeadAsync() => Eth.BlockNumberAsync();

    public async Task MineToAsync(ulong block)
    {
        var head = await HeadAsync();
        if (block > head)
            await Anvil.MineAsync(block - head);
    }

    public ChainSync NewSync(ulong confirmations = 0) => new(Eth, Deployment.TokenNetworkRegistry, Deployment.SecretRegistry, confirmations);

    /// <summary>
    /// Every batch after <paramref name="lastApplied"/> up to the confirmed head, passing the known token networks as
    /// NodeHost does: those of <paramref name="networks"/> and every one a batch created.
    /// </summary>
    public static async Task<IReadOnlyList<ChainBatch>> SyncAllAsync(ChainSync sync, ulong lastApplied, IEnumerable<Address> networks)
    {
        ArgumentNullException.ThrowIfNull(sync);
        var known = new HashSet<Address>(networks);
        var all = new List<ChainBatch>();
        while (await sync.NextAsync(lastApplied, known, CancellationToken.None) is { } batch)
        {
            all.Add(batch);
            known.UnionWith(batch.Changes.OfType<ContractReceiveTokenNetworkCreated>().Select(c => c.TokenNetwork));
            lastApplied = batch.ToBlock;
        }
        return all;
    }

    private static InvalidOperationException NotStarted() => new("the chain fixture is not initialised");
}
