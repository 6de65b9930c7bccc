using System.CommandLine;
using Photon.Relay.Server;

namespace Photon.Node.Cli;

/// <summary><c>photon relay --config relay.json</c>: runs the relay (docs/relay.md) until SIGINT or SIGTERM.</summary>
internal static class RelayCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "the relay's JSON config file (database, listen, limits; see docs/relay.md)", Required = true };
        var command = new Command("relay", "Run the message relay (store-and-forward, end-to-end encrypted bodies).") { config };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            RelayServerOptions options;
            try
            {
                options = RelayServerOptions.Load(CliInput.FullPath(parse.GetValue(config)!, "--config"));
            }
            catch (Exception e) when (e is RelayConfigException or CliInputException)
            {
                await error.WriteLineAsync($"error: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
                return CliOutcome.BadInput;
            }
            try
            {
                await RelayServer.RunAsync(options, output, cancellation).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                // Typically the port is taken.
                await error.WriteLineAsync($"error: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
                return CliOutcome.BadInput;
            }
            return 0;
        });
        return command;
    }
}
