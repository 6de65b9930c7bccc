using System.CommandLine;
using Microsoft.Extensions.Logging;
using Photon.Ethereum;
using Photon.Node.Runtime;

namespace Photon.Node.Cli;

/// <summary><c>photon node</c>: runs a node until SIGINT or SIGTERM (docs/node.md).</summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var ethRpc = new Option<string>("--eth-rpc") { Description = "the Ethereum JSON-RPC endpoint", Required = true };
        var relay = new Option<string>("--relay") { Description = "the relay's base URL", Required = true };
        var relayName = new Option<string>("--relay-name") { Description = "the relay's server_name (named in the login the node signs)", DefaultValueFactory = _ => "photon-relay" };
        var registry = new Option<string?>("--registry") { Description = "the TokenNetworkRegistry (required on the first start, then remembered)" };
        var startBlock = new Option<ulong?>("--start-block") { Description = "the registry's deployment block (first start off a dev chain)" };
        var dataDir = new Option<string>("--data-dir") { Description = "root of the data directories", DefaultValueFactory = _ => DataDirectory.DefaultRoot };
        var apiAddress = new Option<string>("--api-address") { Description = "host:port of the REST API (port 0 picks a free one)", DefaultValueFactory = _ => "127.0.0.1:5001" };
        var confirmations = new Option<ulong?>("--confirmations") { Description = "blocks behind the head that count as confirmed (default 5; 0 on a dev chain)" };
        var keystore = new Option<string?>("--keystore") { Description = "the node's v3 keystore file" };
        var passwordFile = new Option<string?>("--password-file") { Description = "read the keystore password from this file's first line (else a prompt)" };
        var devAccount = new Option<int?>("--dev-account") { Description = "use account N of the public test mnemonic (dev chains only)" };
        var sync = new Option<string>("--sync") { Description = "SQLite synchronous mode: full (safe, default) or normal (benchmarks)", DefaultValueFactory = _ => "full" };
        sync.AcceptOnlyFromAmong("full", "normal");
        var settleTimeout = new Option<ulong>("--settle-timeout") { Description = "settle timeout of channels opened without one", DefaultValueFactory = _ => 500 };
        var command = new Command("node", "Run a Photon node with its REST API.")
        {
            ethRpc, relay, relayName, registry, startBlock, dataDir, apiAddress, confirmations, keystore, passwordFile, devAccount, sync, settleTimeout,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            NodeHostOptions options;
            NodeKeySource keys;
            try
            {
                options = new NodeHostOptions
                {
                    EthRpc = Url(parse.GetValue(ethRpc)!, "--eth-rpc"),
                    Relay = Url(parse.GetValue(relay)!, "--relay"),
                    RelayName = parse.GetValue(relayName)!,
                    Registry = parse.GetValue(registry) is { } r ? RegistryAddress(r) : null,
                    StartBlock = parse.GetValue(startBlock),
                    DataRoot = CliInput.FullPath(parse.GetValue(dataDir)!, "--data-dir"),
                    ApiAddress = parse.GetValue(apiAddress)!,
                    Confirmations = parse.GetValue(confirmations),
                    SynchronousFull = parse.GetValue(sync) == "full",
                    DefaultSettleTimeout = parse.GetValue(settleTimeout),
                };
                var passwordPath = parse.GetValue(passwordFile);
                keys = new NodeKeySource
                {
                    KeystorePath = parse.GetValue(keystore) is { } k ? CliInput.FullPath(k, "--keystore") : null,
                    DevAccount = parse.GetValue(devAccount),
                    Password = () => CliInput.ReadPassword(passwordPath, confirm: false, error),
                };
            }
            catch (Exception e) when (e is FormatException or CliInputException)
            {
                await error.WriteLineAsync($"error: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
                return CliOutcome.BadInput;
            }

            using var loggers = new TextWriterLoggerFactory(error, LogLevel.Warning);
            NodeHost host;
            try
            {
                host = await NodeHost.StartAsync(options, keys, loggers, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NodeStartException or CliInputException or IOException)
            {
                await error.WriteLineAsync($"error: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
                return CliOutcome.BadInput;
            }
            await using (host.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"node {host.Address} on chain {host.ChainId}, data in {host.DataPath}").ConfigureAwait(false);
                await output.WriteLineAsync($"api listening on {host.ApiUrl}").ConfigureAwait(false);
                await output.FlushAsync(cancellation).ConfigureAwait(false);
                try
                {
                    await host.Completion.WaitAsync(cancellation).ConfigureAwait(false);
                    await error.WriteLineAsync("error: the node stopped; restart it to recover from its database").ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return 0;
                }
                catch (Exception e)
                {
                    await error.WriteLineAsync($"error: the node stopped: {CliOutcome.OneLine(e.Message)}; restart it to recover from its database").ConfigureAwait(false);
                }
                return 1;
            }
        });
        return command;
    }

    private static Address RegistryAddress(string text)
    {
        try
        {
            return Address.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliInputException($"--registry must be an address (0x + 40 hex digits): {e.Message}");
        }
    }

    private static Uri Url(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new CliInputException($"{option} must be an http(s) URL, got '{text}'");
}
