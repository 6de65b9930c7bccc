using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Deployment;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// A real Anvil with the Photon contracts deployed by <see cref="PhotonDeployer"/> (dev-chain
/// parameters: settle timeout 5..10,000 blocks, punish window 5) and one TestToken with its
/// TokenNetwork. Tests isolate themselves by using fresh participants (<see cref="NewPartyAsync"/>):
/// each pair has its own channel, so tests of one class can share the chain.
/// </summary>
public class NetworkFixture : IAsyncLifetime
{
    /// <summary>What every new party gets, in token units, and approves to the network.</summary>
    public static readonly UInt256 InitialTokens = new(1_000_000);

    /// <summary>
    /// Anvil mines each transaction as it arrives, but its receipt can lag the hash by a moment;
    /// polling at the default second would make every transaction cost up to a second.
    /// </summary>
    public static readonly TransactionSenderOptions SenderOptions = new() { PollInterval = TimeSpan.FromMilliseconds(5) };

    private static readonly UInt256 InitialEther = UInt256.Parse("100000000000000000000");

    private TransactionSender? _deployer;
    private PhotonDeployment? _deployment;
    private TokenNetworkSetup? _main;

    public AnvilFixture Anvil { get; } = new();

    public EthClient Eth => Anvil.Eth;

    public ulong ChainId => Anvil.ChainId;

    public PhotonDeployment Deployment => _deployment ?? throw NotStarted();

    public DeploymentParameters Parameters => Deployment.Parameters;

    /// <summary>The first Anvil dev account: deploys, and pays for hostile calls made "by anyone".</summary>
    public TransactionSender Deployer => _deployer ?? throw NotStarted();

    /// <summary>The TestToken network most tests use.</summary>
    public TokenNetworkSetup Main => _main ?? throw NotStarted();

    public SecretRegistryContract Secrets => new(Eth, Deployment.SecretRegistry, Deployer);

    public TokenNetworkRegistryContract Registry => new(Eth, Deployment.TokenNetworkRegistry, Deployer);

    public virtual async Task InitializeAsync()
    {
        await Anvil.InitializeAsync();
        _deployer = new TransactionSender(Eth, new PrivateKey(Hex.Decode(AnvilFixture.DevPrivateKeys[0])), ChainId, SenderOptions);
        _deployment = await PhotonDeployer.DeployAsync(_deployer, DeploymentParameters.ForDevChain(ChainId));
        _main = await CreateNetworkAsync(ContractArtifacts.TestToken, "Test", "TST");
    }

    public Task DisposeAsync() => Anvil.DisposeAsync().AsTask();

    /// <summary>Deploys a token from an artifact and creates its TokenNetwork through the registry.</summary>
    public async Task<TokenNetworkSetup> CreateNetworkAsync(ContractArtifact tokenArtifact, params object?[] constructorArguments)
    {
        var (token, _) = await PhotonDeployer.DeployAsync(Deployer, tokenArtifact, constructorArguments);
        var network = await PhotonDeployer.CreateTokenNetworkAsync(Deployer, Deployment.TokenNetworkRegistry, token);
        return new TokenNetworkSetup(this, tokenArtifact, token, network, PhotonDomain.Create(new UInt256(ChainId), network));
    }

    /// <summary>A fresh account with ether, <see cref="InitialTokens"/> of the main token, and an unlimited approval to its network.</summary>
    public Task<Party> NewPartyAsync() => Main.NewPartyAsync();

    /// <summary>A fresh account with ether only.</summary>
    public async Task<PrivateKey> NewFundedKeyAsync()
    {
        var key = PrivateKey.Generate();
        await Anvil.Rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), InitialEther.ToHexString()]);
        return key;
    }

    public Task MineAsync(ulong blocks) => Anvil.MineAsync(blocks);

    public Task<ulong> BlockNumberAsync() => Eth.BlockNumberAsync();

    /// <summary>Mines until the chain's head is <paramref name="block"/> (the next transaction goes into <paramref name="block"/> + 1).</summary>
    public async Task MineToAsync(ulong block)
    {
        var head = await BlockNumberAsync();
        if (block > head)
            await MineAsync(block - head);
    }

    private static InvalidOperationException NotStarted() => new("the network fixture is not initialised");
}
