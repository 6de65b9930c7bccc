using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Node.Api;
using Photon.Node.Runtime;
using Photon.Relay.Server;

namespace Photon.Node.Devnet;

/// <summary>
/// <c>photon devnet</c>: a complete local network in one process (Anvil as a child process; the relay and three
/// nodes in-process, each with its own database and REST API) and the three-party story driven through the
/// nodes' REST APIs, printing every step.
/// </summary>
public sealed class DevnetRunner(TextWriter output, ILoggerFactory loggers)
{
    private const ulong SettleTimeout = 40;
    private static readonly UInt256 Minted = new(1000);

    /// <summary>Runs the story; with <paramref name="keep"/> leaves everything running until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(string? anvilPath, bool keep, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("photon-devnet-").FullName;
        try
        {
            var anvilBinary = await AnvilLauncher.FindAsync(anvilPath, output, ct).ConfigureAwait(false);
            await using var anvil = await AnvilLauncher.StartAsync(anvilBinary, blockTimeSeconds: 1, ct).ConfigureAwait(false);
            await StepAsync($"Anvil on {anvil.Url} (chain {AnvilLauncher.ChainId}, a block a second)").ConfigureAwait(false);

            var names = new[] { "A", "B", "C" };
            var accounts = Enumerable.Range(1, 3).Select(i => Ethereum.Crypto.PrivateKey.Parse(DevChain.AccountKeys[i])).ToList();
            var contracts = await DevnetContracts.DeployAsync(anvil.Url, [.. accounts.Select(k => k.Address)], Minted, ct).ConfigureAwait(false);
            foreach (var key in accounts)
                key.Dispose();
            await StepAsync($"deployed the registry {contracts.Deployment.TokenNetworkRegistry}, the secret registry {contracts.Deployment.SecretRegistry} and the token {contracts.Token}; minted {Minted} to each of A, B, C").ConfigureAwait(false);

            var relayApp = RelayServer.Build(new RelayServerOptions { Database = Path.Combine(root, "relay.db"), Listen = "http://127.0.0.1:0", ServerName = "photon-devnet" });
            await using var relay = relayApp.ConfigureAwait(false);
            await relayApp.StartAsync(ct).ConfigureAwait(false);
            var relayUrl = new Uri(RelayServer.Addresses(relayApp).First());
            await StepAsync($"relay on {relayUrl}").ConfigureAwait(false);

            var hosts = new List<NodeHost>();
            try
            {
                for (var i = 0; i < 3; i++)
                {
                    var options = new NodeHostOptions
                    {
                        EthRpc = anvil.Url,
                        Relay = relayUrl,
                        RelayName = "photon-devnet",
                        Registry = contracts.Deployment.TokenNetworkRegistry,
                        DataRoot = Path.Combine(root, "nodes"),
                        ApiAddress = "127.0.0.1:0",
                    };
                    hosts.Add(await NodeHost.StartAsync(options, new NodeKeySource { DevAccount = i + 1 }, loggers, ct).ConfigureAwait(false));
                    await StepAsync($"node {names[i]} {hosts[i].Address}: API {hosts[i].ApiUrl}").ConfigureAwait(false);
                }
                await StoryAsync(hosts, contracts, anvil.Url, ct).ConfigureAwait(false);

                if (keep)
                {
                    await output.WriteLineAsync("everything keeps running (Ctrl-C stops it):").ConfigureAwait(false);
                    await output.WriteLineAsync($"  eth rpc {anvil.Url}  registry {contracts.Deployment.TokenNetworkRegistry}  token {contracts.Token}  relay {relayUrl}").ConfigureAwait(false);
                    for (var i = 0; i < hosts.Count; i++)
                        await output.WriteLineAsync($"  {names[i]} {hosts[i].Address}  api {hosts[i].ApiUrl}  token {hosts[i].ApiToken}").ConfigureAwait(false);
                    await output.FlushAsync(ct).ConfigureAwait(false);
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
            }
            finally
            {
                foreach (var host in hosts)
                    await host.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task StoryAsync(List<NodeHost> hosts, DevnetContracts contracts, Uri rpcUrl, CancellationToken ct)
    {
        var clients = hosts.Select(h => new NodeApiClient(h.ApiUrl, h.ApiToken)).ToList();
        try
        {
            var (a, b, c) = (clients[0], clients[1], clients[2]);
            var (addressA, addressB, addressC) = (hosts[0].Address.ToString(), hosts[1].Address.ToString(), hosts[2].Address.ToString());
            var token = contracts.Token.ToString();

            var registered = await a.RegisterTokenAsync(token, ct).ConfigureAwait(false);
            await StepAsync($"A registered the token: token network {registered["token_network_address"]}").ConfigureAwait(false);
            var ab = await a.OpenChannelAsync(token, addressB, "100", SettleTimeout, ct).ConfigureAwait(false);
            await StepAsync($"A opened channel {ab["channel_identifier"]} with B and deposited 100").ConfigureAwait(false);
            var bc = await b.OpenChannelAsync(token, addressC, "80", SettleTimeout, ct).ConfigureAwait(false);
            await StepAsync($"B opened channel {bc["channel_identifier"]} with C and deposited 80").ConfigureAwait(false);
            await UntilAsync(async () => (await c.ChannelsAsync(ct).ConfigureAwait(false)).AsArray().Count == 1, ct).ConfigureAwait(false);

            var direct = await a.PayAsync(token, addressB, "30", ct: ct).ConfigureAwait(false);
            await StepAsync($"A paid B 30 directly: {direct["status"]}").ConfigureAwait(false);
            var mediated = await a.PayAsync(token, addressC, "20", ct: ct).ConfigureAwait(false);
            await StepAsync($"A paid C 20 through B: {mediated["status"]} (fee {mediated["fee"]})").ConfigureAwait(false);
            await UntilAsync(async () => Balances(await b.ChannelAsync(token, addressC, ct).ConfigureAwait(false)) == ("60", "20"), ct).ConfigureAwait(false);
            await StepAsync($"channels: A-B {Show(await a.ChannelAsync(token, addressB, ct).ConfigureAwait(false))}, B-C {Show(await b.ChannelAsync(token, addressC, ct).ConfigureAwait(false))}").ConfigureAwait(false);

            var closed = await a.PatchChannelAsync(token, addressB, "state", "closed", ct).ConfigureAwait(false);
            await StepAsync($"A closed A-B; it can be settled after block {closed["settle_block"]} plus the punish window").ConfigureAwait(false);
            using var rpc = new JsonRpcClient(rpcUrl);
            var eth = new EthClient(rpc);
            var network = new TokenNetworkContract(eth, Address.Parse(closed["token_network_address"]!.GetValue<string>()));
            var channelId = UInt256.Parse(closed["channel_identifier"]!.GetValue<string>());
            await UntilAsync(async () => !(await network.GetParticipantInfoAsync(channelId, hosts[0].Address, ct: ct).ConfigureAwait(false)).Nonce.IsZero, ct).ConfigureAwait(false);
            await StepAsync("B submitted A's newest balance proof on chain").ConfigureAwait(false);

            var settling = a.PatchChannelAsync(token, addressB, "state", "settled", ct);
            var settleAfter = closed["settle_block"]!.GetValue<ulong>() + contracts.Deployment.Parameters.PunishWindow;
            while (!settling.IsCompleted)
            {
                var status = await a.StatusAsync(ct).ConfigureAwait(false);
                var block = status["confirmed_block"]!.GetValue<ulong>();
                await StepAsync($"waiting for the settle window: block {block}, settleable after block {settleAfter}").ConfigureAwait(false);
                await Task.WhenAny(settling, Task.Delay(TimeSpan.FromSeconds(5), ct)).ConfigureAwait(false);
            }
            var settled = await settling.ConfigureAwait(false);
            await StepAsync($"A-B is {settled["state"]}").ConfigureAwait(false);

            var erc20 = new Erc20Contract(eth, contracts.Token);
            foreach (var (name, address) in new[] { ("A", hosts[0].Address), ("B", hosts[1].Address), ("C", hosts[2].Address) })
                await StepAsync($"on-chain balance of {name}: {await erc20.BalanceOfAsync(address, ct: ct).ConfigureAwait(false)}").ConfigureAwait(false);
        }
        finally
        {
            foreach (var client in clients)
                client.Dispose();
        }
    }

    private async Task StepAsync(string text)
    {
        await output.WriteLineAsync($"[devnet] {text}").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    private static (string, string) Balances(JsonNode channel) => (channel["balance"]!.GetValue<string>(), channel["partner_balance"]!.GetValue<string>());

    private static string Show(JsonNode channel) => $"{channel["balance"]}/{channel["partner_balance"]}";

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the devnet did not reach the next step within 2 minutes");
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }
}
