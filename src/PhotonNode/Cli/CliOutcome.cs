using System.CommandLine;
using System.Text.Json;

namespace Photon.Node.Cli;

/// <summary>
/// Runs a command body: prints its result to standard output, or turns a refusal of the input
/// into ONE line on standard error and exit code <see cref="BadInput"/>. Only refusals of input
/// are caught; a bug still surfaces as a crash with its stack trace.
/// </summary>
internal static class CliOutcome
{
    public const int BadInput = 1;

    public static int Run(ParseResult parse, Func<string> body)
    {
        var config = parse.InvocationConfiguration;
        try
        {
            config.Output.WriteLine(body());
            return 0;
        }
        catch (Exception e) when (IsRefusal(e))
        {
            config.Error.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    // Only refusals of what the user supplied; an ArgumentException or the like is a bug and must
    // not be reported as bad input (PhotonCli turns it into exit code 70 with its stack trace).
    private static bool IsRefusal(Exception e) =>
        e is FormatException or JsonException or CliInputException or IOException or UnauthorizedAccessException;
}
