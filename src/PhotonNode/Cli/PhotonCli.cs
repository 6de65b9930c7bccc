using System.CommandLine;

namespace Photon.Node.Cli;

/// <summary>
/// The <c>photon</c> command line. Every command writes its result to <c>output</c> and, on bad
/// input, one clear line to <c>error</c> with a non-zero exit code; nothing here throws to the caller.
/// </summary>
public static class PhotonCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Photon for .NET: off-chain payment channels for Ethereum tokens.");
        root.Subcommands.Add(UtilCommands.Create());
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
