using Photon.Node.Cli;

namespace Photon.Node.Tests.Cli;

/// <summary>Runs the <c>photon</c> command line in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PhotonCli.Run(args, output, error);
        return new CliRun(exit, output.ToString().TrimEnd('\n'), error.ToString().TrimEnd('\n'));
    }

    /// <summary>Asserts the command refused its input: non-zero exit, nothing on stdout, one line on stderr.</summary>
    public CliRun AssertRefused(string reasonFragment)
    {
        Assert.NotEqual(0, ExitCode);
        Assert.Equal("", Output);
        Assert.DoesNotContain('\n', Error);
        Assert.StartsWith("error: ", Error, StringComparison.Ordinal);
        Assert.Contains(reasonFragment, Error, StringComparison.OrdinalIgnoreCase);
        return this;
    }

    public CliRun AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}: {Error}");
        Assert.Equal("", Error);
        return this;
    }
}
