using System.CommandLine;

namespace Photon.Node.Cli;

/// <summary><c>photon pay</c>, <c>photon payments</c> and <c>photon status</c>: calls of a running node's REST API.</summary>
internal static class PaymentCommands
{
    public static Command Pay()
    {
        var token = ChannelCommands.TokenArgument();
        var target = new Argument<string>("target") { Description = "who is paid (directly or through mediators)" };
        var amount = new Argument<string>("amount") { Description = "the amount in the token's smallest units, a decimal integer" };
        var identifier = new Option<string?>("--identifier") { Description = "the payment id (default: random)" };
        var secret = new Option<string?>("--secret") { Description = "the secret of the lock, 0x + 64 hex digits (default: random)" };
        var secretHash = new Option<string?>("--secret-hash") { Description = "the lock's secret hash, 0x + 64 hex digits" };
        var lockTimeout = new Option<ulong?>("--lock-timeout") { Description = "blocks until the first lock expires (default: the node's)" };
        var noWait = new Option<bool>("--async") { Description = "return at once with the pending payment instead of waiting for its outcome" };
        var command = new Command("pay", "Pay a target; waits for the outcome and prints the payment (a failed payment is an error).")
        {
            token, target, amount, identifier, secret, secretHash, lockTimeout, noWait,
        };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) => client.PayAsync(
            parse.GetValue(token)!, parse.GetValue(target)!, parse.GetValue(amount)!, parse.GetValue(identifier),
            parse.GetValue(secret), parse.GetValue(secretHash), parse.GetValue(lockTimeout), parse.GetValue(noWait), ct)));
        return command;
    }

    public static Command Payments()
    {
        var token = new Argument<string?>("token") { Description = "only this token's payments", Arity = ArgumentArity.ZeroOrOne };
        var partner = new Argument<string?>("partner") { Description = "only payments to or from this address", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("payments", "List payments sent and received, newest first.") { token, partner };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) =>
            client.PaymentsAsync(parse.GetValue(token), parse.GetValue(partner), ct)));
        return command;
    }

    public static Command Status()
    {
        var command = new Command("status", "The node's address, chain, sync state and transport.");
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) => client.StatusAsync(ct)));
        return command;
    }
}
