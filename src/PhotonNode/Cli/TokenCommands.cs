using System.CommandLine;

namespace Photon.Node.Cli;

/// <summary><c>photon token register|list</c>: the token networks a running node knows, and registering a new one.</summary>
internal static class TokenCommands
{
    public static Command Create()
    {
        var tokens = new Command("token", "Register a token (create its token network on chain) and list the registered tokens.");
        tokens.Subcommands.Add(Register());
        tokens.Subcommands.Add(List());
        return tokens;
    }

    private static Command Register()
    {
        var token = ChannelCommands.TokenArgument();
        var command = new Command("register", "Create the token network of an ERC20 token (waits for the transaction); prints the token network.") { token };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) => client.RegisterTokenAsync(parse.GetValue(token)!, ct)));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "The registered tokens, each with its token network and how many channels the node has in it.");
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) => client.TokensAsync(ct)));
        return command;
    }
}
