using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Contracts.Deployment;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Benchmarks.Gas;

/// <summary>
/// Anvil with the Photon contracts, a TestToken network, and funded accounts that send, sign and
/// have each transaction recorded as a <see cref="GasSample"/>.
/// </summary>
internal sealed class GasChain
{
    public const ulong SettleTimeout = 500;

    private static readonly TransactionSenderOptions Sending = new() { PollInterval = TimeSpan.FromMilliseconds(5) };

    private readonly List<GasSample> _samples = [];

    private GasChain(AnvilFixture anvil, TransactionSender deployer, PhotonDeployment deployment)
    {
        Anvil = anvil;
        Deployer = deployer;
        Deployment = deployment;
    }

    public AnvilFixture Anvil { get; }

    public EthClient Eth => Anvil.Eth;

    public TransactionSender Deployer { get; }

    public PhotonDeployment Deployment { get; }

    public Address Token { get; private set; }

    public Address Network { get; private set; }

    public Eip712Domain Domain { get; private set; } = null!;

    public IReadOnlyList<GasSample> Samples => _samples;

    public static async Task<GasChain> StartAsync(AnvilFixture anvil)
    {
        var deployer = new TransactionSender(anvil.Eth, new PrivateKey(Hex.Decode(AnvilFixture.DevPrivateKeys[0])), anvil.ChainId, Sending);
        // Dev parameters (settle timeout 5..10,000, punish window 5): the gas of a call does not depend on them.
        var deployment = await PhotonDeployer.DeployAsync(deployer, DeploymentParameters.ForDevChain(anvil.ChainId));
        return new GasChain(anvil, deployer, deployment);
    }

    /// <summary>Deploys a TestToken and has the registry create its network, recording createTokenNetwork.</summary>
    public async Task<(Address Token, Address Network)> CreateTokenNetworkAsync(string call)
    {
        var (token, _) = await PhotonDeployer.DeployAsync(Deployer, ContractArtifacts.TestToken, ["Gas", "GAS"]);
        var data = TokenNetworkRegistryContract.EncodeCreateTokenNetwork(token);
        var receipt = await Deployer.SendAsync(Deployment.TokenNetworkRegistry, data);
        var created = TokenNetworkRegistryContract.EventsOf(receipt, Deployment.TokenNetworkRegistry).OfType<TokenNetworkCreated>().Single();
        var artifact = ContractArtifacts.TokenNetwork;
        // The init code is the creation bytecode and six constructor words.
        var floor = GasFloor.CreateTokenNetwork(artifact.DeployedBytecode.Length, artifact.Bytecode.Length + 6 * 32);
        _samples.Add(new GasSample(call, receipt, data, floor, 0));
        return (token, created.TokenNetwork);
    }

    public void Use(Address token, Address network)
    {
        Token = token;
        Network = network;
        Domain = PhotonDomain.Create(new UInt256(Anvil.ChainId), network);
    }

    /// <summary>A fresh account with ether, 1,000,000 tokens and an unlimited approval to the network.</summary>
    public async Task<GasAccount> NewAccountAsync()
    {
        var key = PrivateKey.Generate();
        await Anvil.Rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), UInt256.Parse("100000000000000000000").ToHexString()]);
        var account = new GasAccount(this, key, new TransactionSender(Eth, key, Anvil.ChainId, Sending));
        var tokenAbi = ContractArtifacts.TestToken.Abi;
        await account.Sender.SendAsync(Token, tokenAbi.GetFunction("mint").EncodeCall(account.Address, new UInt256(1_000_000)));
        await account.Sender.SendAsync(Token, Erc20Contract.EncodeApprove(Network, UInt256.MaxValue));
        return account;
    }

    /// <summary>Sends as <paramref name="sender"/>; when <paramref name="call"/> is given, records the sample.</summary>
    public async Task<TransactionReceipt> SendAsync(GasAccount sender, Address to, byte[] data, string? call = null, GasFloor? floor = null, int signatures = 0)
    {
        var receipt = await sender.Sender.SendAsync(to, data);
        if (call is not null)
            _samples.Add(new GasSample(call, receipt, data, floor ?? throw new ArgumentNullException(nameof(floor)), signatures));
        return receipt;
    }

    public Task MineAsync(ulong blocks) => Anvil.MineAsync(blocks);

    public Task<ulong> HeadAsync() => Eth.BlockNumberAsync();
}
