using System.CommandLine;
using Microsoft.Extensions.Logging;
using Photon.Ethereum;

namespace Photon.Node.Cli;

/// <summary>
/// The <c>photon</c> command line. Every command writes its result to standard output and, on bad
/// input, one line to standard error with a non-zero exit code (<see cref="CliOutcome.BadInput"/> for
/// refused input, <see cref="UsageError"/> for a command line that does not parse). A bug is not bad
/// input: it exits with <see cref="InternalError"/> and its stack trace, so it gets reported.
/// </summary>
public static class PhotonCli
{
    public const int UsageError = 2;

    /// <summary>EX_SOFTWARE from sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>How long a signalled command has to stop by itself (a node closes its database) before the process exits.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>("--verbose") { Description = "log what happens (e.g. the secp256k1 backend chosen) on standard error", Recursive = true };
        var root = new RootCommand("Photon for .NET: off-chain payment channels for Ethereum tokens.") { verbose };
        root.Subcommands.Add(UtilCommands.Create());
        root.Subcommands.Add(RelayCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(DevnetCommand.Create());
        root.Subcommands.Add(TokenCommands.Create());
        root.Subcommands.Add(ChannelCommands.Create());
        root.Subcommands.Add(PaymentCommands.Pay());
        root.Subcommands.Add(PaymentCommands.Payments());
        root.Subcommands.Add(PaymentCommands.Status());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = string.Join(' ', parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Select(c => c.Name).Append(parse.CommandResult.Command.Name).Skip(1).Prepend("photon"));
            error.WriteLine($"error: {CliOutcome.OneLine(string.Join("; ", parse.Errors.Select(e => e.Message)))} (see '{command} --help')");
            return UsageError;
        }
        var previousLogging = EthereumLogging.LoggerFactory;
        if (parse.GetValue(verbose))
            EthereumLogging.LoggerFactory = new TextWriterLoggerFactory(error, LogLevel.Information);
        try
        {
            // InvokeAsync, not Invoke: only the asynchronous pipeline turns SIGINT/SIGTERM into the actions' cancellation
            // (a node then stops cleanly, a waiting command says what it abandoned); past the timeout the process exits anyway.
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = StopTimeout,
            };
            return parse.InvokeAsync(configuration).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error (please report): {e}");
            return InternalError;
        }
        finally
        {
            EthereumLogging.LoggerFactory = previousLogging;
        }
    }
}
