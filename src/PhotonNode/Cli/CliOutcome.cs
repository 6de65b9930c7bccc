using System.CommandLine;

namespace Photon.Node.Cli;

/// <summary>Runs a command body: prints its result, or turns a refusal into one stderr line and exit code 1.</summary>
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
        catch (Exception e) when (e is FormatException or ArgumentException or IOException or InvalidOperationException or OverflowException or UnauthorizedAccessException)
        {
            config.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}
