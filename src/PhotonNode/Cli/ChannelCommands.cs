using System.CommandLine;
using System.Text.Json.Nodes;
using Photon.Node.Api;

namespace Photon.Node.Cli;

/// <summary><c>photon channel open|deposit|withdraw|close|settle|list</c>: channel calls of a running node's REST API.</summary>
internal static class ChannelCommands
{
    public static Command Create()
    {
        var channel = new Command("channel", "Open, fund, withdraw from, close, settle and list the channels of a running node.");
        channel.Subcommands.Add(Open());
        channel.Subcommands.Add(Deposit());
        channel.Subcommands.Add(Withdraw());
        channel.Subcommands.Add(Close());
        channel.Subcommands.Add(Settle());
        channel.Subcommands.Add(List());
        return channel;
    }

    internal static Argument<string> TokenArgument() => new("token") { Description = "the ERC20 token address" };

    private static Argument<string> PartnerArgument() => new("partner") { Description = "the partner's address" };

    private static Command Open()
    {
        var (token, partner) = (TokenArgument(), PartnerArgument());
        var deposit = new Option<string?>("--deposit") { Description = "deposit this amount (smallest token units) in the same call" };
        var settleTimeout = new Option<ulong?>("--settle-timeout") { Description = "blocks between close and settle (default: the node's)" };
        var command = new Command("open", "Open a channel with a partner; prints the channel.") { token, partner, deposit, settleTimeout };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) =>
            client.OpenChannelAsync(parse.GetValue(token)!, parse.GetValue(partner)!, parse.GetValue(deposit), parse.GetValue(settleTimeout), ct)));
        return command;
    }

    private static Command Deposit()
    {
        var (token, partner) = (TokenArgument(), PartnerArgument());
        var total = new Argument<string>("total-deposit") { Description = "our new TOTAL deposit in the channel (not an increment)" };
        var command = new Command("deposit", "Raise our total deposit in a channel; prints the channel.") { token, partner, total };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) =>
            client.PatchChannelAsync(parse.GetValue(token)!, parse.GetValue(partner)!, "total_deposit", parse.GetValue(total)!, ct)));
        return command;
    }

    private static Command Withdraw()
    {
        var (token, partner) = (TokenArgument(), PartnerArgument());
        var total = new Argument<string>("total-withdraw") { Description = "our new TOTAL withdrawn amount (not an increment)" };
        var command = new Command("withdraw", "Withdraw from an open channel without closing it; prints the channel.") { token, partner, total };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) =>
            client.PatchChannelAsync(parse.GetValue(token)!, parse.GetValue(partner)!, "total_withdraw", parse.GetValue(total)!, ct)));
        return command;
    }

    private static Command Close()
    {
        var (token, partner) = (TokenArgument(), PartnerArgument());
        var command = new Command("close", "Close a channel with the partner's latest balance proof; prints the channel.") { token, partner };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) =>
            client.PatchChannelAsync(parse.GetValue(token)!, parse.GetValue(partner)!, "state", "closed", ct)));
        return command;
    }

    private static Command Settle()
    {
        var (token, partner) = (TokenArgument(), PartnerArgument());
        var cooperative = new Option<bool>("--cooperative") { Description = "settle an open channel at once, both sides signing the current balances" };
        var command = new Command("settle", "Settle a closed channel once its settle window has passed (waits for it), or an open one with --cooperative; prints the settled channel.")
        {
            token, partner, cooperative,
        };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action(async (parse, client, progress, ct) =>
        {
            var (tokenText, partnerText, together) = (parse.GetValue(token)!, parse.GetValue(partner)!, parse.GetValue(cooperative));
            if (!together)
                await WriteWaitingAsync(client, tokenText, partnerText, progress, ct).ConfigureAwait(false);
            var settled = await client.PatchChannelAsync(tokenText, partnerText, "state", together ? "cooperative_settled" : "settled", ct).ConfigureAwait(false);
            await progress.WriteLineAsync($"channel {Field(settled, "channel_identifier")} with {Field(settled, "partner_address")} is {Field(settled, "state")}").ConfigureAwait(false);
            return settled;
        }));
        return command;
    }

    private static Command List()
    {
        var token = new Argument<string?>("token") { Description = "only this token's channels", Arity = ArgumentArity.ZeroOrOne };
        var partner = new Argument<string?>("partner") { Description = "only the channel with this partner", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List the node's channels that are not settled (one channel when token and partner are given).") { token, partner };
        var api = ApiCommandOptions.AddTo(command);
        command.SetAction(api.Action((parse, client, _, ct) =>
            client.ChannelsAsync(parse.GetValue(token), parse.GetValue(partner), ct)));
        return command;
    }

    // The settle call blocks for the settle and punish windows: say what it waits for, on standard error
    // so standard output stays the result. A channel that is not closed is left to the API to refuse.
    private static async Task WriteWaitingAsync(NodeApiClient client, string token, string partner, TextWriter progress, CancellationToken ct)
    {
        var channel = await client.ChannelAsync(token, partner, ct).ConfigureAwait(false);
        if (Field(channel, "state") != "closed")
            return;
        var status = await client.StatusAsync(ct).ConfigureAwait(false);
        await progress.WriteLineAsync(
            $"waiting for channel {Field(channel, "channel_identifier")} with {Field(channel, "partner_address")} to be settled: " +
            $"settle window ends at block {Field(channel, "settle_block")}, the node is at block {Field(status, "confirmed_block")}, then the punish window runs...").ConfigureAwait(false);
    }

    private static string Field(JsonNode json, string name) =>
        json is JsonObject body && body.TryGetPropertyValue(name, out var value) && value is not null
            ? value is JsonValue text && text.TryGetValue<string>(out var s) ? s : value.ToJsonString()
            : "?";
}
