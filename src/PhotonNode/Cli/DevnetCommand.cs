using System.CommandLine;
using Microsoft.Extensions.Logging;
using Photon.Node.Api;
using Photon.Node.Devnet;
using Photon.Node.Runtime;

namespace Photon.Node.Cli;

/// <summary><c>photon devnet [--keep]</c>: a local network on Anvil and the three-party payment story (README).</summary>
internal static class DevnetCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "leave Anvil, the relay and the nodes running after the story and print their URLs and API tokens" };
        var anvil = new Option<string?>("--anvil") { Description = "the Anvil binary (default: PHOTON_ANVIL, the pinned tools/ install, or PATH)" };
        var command = new Command("devnet", "Start Anvil, deploy, start a relay and three nodes, and run the payment story.") { keep, anvil };
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var loggers = new TextWriterLoggerFactory(error, LogLevel.Warning);
            try
            {
                await new DevnetRunner(output, loggers).RunAsync(parse.GetValue(anvil), parse.GetValue(keep), cancellation).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or NodeStartException or NodeApiCallException or TimeoutException or InvalidOperationException)
            {
                await error.WriteLineAsync($"error: {CliOutcome.OneLine(e.Message)}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
