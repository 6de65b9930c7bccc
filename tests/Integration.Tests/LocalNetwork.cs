using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Node.Devnet;
using Photon.TestSupport;

namespace Photon.Integration.Tests;

/// <summary>
/// A whole local network of real processes: Anvil (a block a second), the contracts and a test token
/// (1,000 tokens minted to each node's account), a relay, and nodes started on demand. Disposing kills
/// everything and deletes the data.
/// </summary>
public sealed class LocalNetwork : IAsyncDisposable
{
    public static readonly UInt256 Minted = new(1000);
    private readonly List<NodeProcess> _nodes = [];
    private readonly string _dataRoot = Directory.CreateTempSubdirectory("photon-nodes-").FullName;

    private LocalNetwork(AnvilFixture anvil, RelayProcess relay, DevnetContracts contracts)
    {
        Anvil = anvil;
        Relay = relay;
        Contracts = contracts;
    }

    public AnvilFixture Anvil { get; }

    public RelayProcess Relay { get; }

    public DevnetContracts Contracts { get; }

    public string Token => Contracts.Token.ToString();

    public static async Task<LocalNetwork> StartAsync(int nodes)
    {
        var anvil = await AnvilFixture.StartAsync(new AnvilOptions { BlockTimeSeconds = 1 });
        RelayProcess? relay = null;
        try
        {
            relay = await RelayProcess.StartAsync();
            var holders = Enumerable.Range(1, nodes).Select(i => AnvilDevAccounts.Addresses[i]).ToList();
            var contracts = await DevnetContracts.DeployAsync(anvil.Url, holders, Minted, CancellationToken.None);
            return new LocalNetwork(anvil, relay, contracts);
        }
        catch
        {
            if (relay is not null)
                await relay.DisposeAsync();
            await anvil.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the node of dev account <paramref name="devAccount"/> (1 and up; 0 deployed the contracts).</summary>
    public async Task<NodeProcess> StartNodeAsync(int devAccount)
    {
        var node = await NodeProcess.StartAsync(devAccount, Anvil.Url, Relay, Contracts.Deployment.TokenNetworkRegistry, _dataRoot);
        _nodes.Add(node);
        return node;
    }

    /// <summary>The token balance of <paramref name="account"/> on chain.</summary>
    public async Task<UInt256> TokenBalanceAsync(Address account)
    {
        var erc20 = new Photon.Contracts.Bindings.Erc20Contract(new EthClient(Anvil.Rpc), Contracts.Token);
        return await erc20.BalanceOfAsync(account);
    }

    /// <summary>The nonce the contract holds for <paramref name="participant"/> in the channel of a REST channel view.</summary>
    public async Task<UInt256> OnChainNonceAsync(System.Text.Json.Nodes.JsonNode channel, Address participant)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var network = new Photon.Contracts.Bindings.TokenNetworkContract(new EthClient(Anvil.Rpc), Address.Parse(channel["token_network_address"]!.GetValue<string>()));
        var info = await network.GetParticipantInfoAsync(UInt256.Parse(channel["channel_identifier"]!.GetValue<string>()), participant);
        return info.Nonce;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        await Relay.DisposeAsync();
        await Anvil.DisposeAsync();
        Directory.Delete(_dataRoot, recursive: true);
    }
}
