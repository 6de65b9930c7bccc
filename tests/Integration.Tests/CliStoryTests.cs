using System.Globalization;
using System.Text.Json.Nodes;
using Photon.Ethereum;
using Photon.TestSupport;

namespace Photon.Integration.Tests;

/// <summary>
/// The node commands as an operator types them: each one a real <c>photon</c> process calling a real node's REST API
/// (with the token from the node's data directory), checked on chain at the end.
/// </summary>
public sealed class CliStoryTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_operator_runs_a_channel_from_open_to_settle_with_photon_commands()
    {
        await using var network = await LocalNetwork.StartAsync(2);
        var a = await network.StartNodeAsync(1);
        var b = await network.StartNodeAsync(2);
        var (token, partner) = (network.Token, b.Address.ToString());

        var registered = await PhotonAsync(a, "token", "register", token);
        Assert.Equal(Address.Parse(token).ToString(), registered["token_address"]!.GetValue<string>());
        Assert.Contains(Address.Parse(token).ToString(), (await PhotonAsync(a, "token", "list")).AsArray().Select(t => t!["token_address"]!.GetValue<string>()));

        var opened = await PhotonAsync(a, "channel", "open", token, partner, "--deposit", "100", "--settle-timeout", "20");
        Assert.Equal(("opened", "100"), (opened["state"]!.GetValue<string>(), opened["total_deposit"]!.GetValue<string>()));
        var deposited = await PhotonAsync(a, "channel", "deposit", token, partner, "120");
        Assert.Equal("120", deposited["total_deposit"]!.GetValue<string>());
        await Eventually.HoldsAsync(async () => (await b.Api.ChannelsAsync()).AsArray().Count == 1);

        var paid = await PhotonAsync(a, "pay", token, partner, "30", "--identifier", "4242");
        Assert.Equal(("succeeded", "4242"), (paid["status"]!.GetValue<string>(), paid["identifier"]!.GetValue<string>()));
        await Eventually.HoldsAsync(async () => (await PhotonAsync(b, "payments")).AsArray().Any(p => p!["identifier"]!.GetValue<string>() == "4242"));
        var received = (await PhotonAsync(b, "payments", token)).AsArray().Single(p => p!["identifier"]!.GetValue<string>() == "4242")!;
        Assert.Equal("30", received["amount"]!.GetValue<string>());
        Assert.Equal(a.Address.ToString(), (await PhotonAsync(a, "status"))["our_address"]!.GetValue<string>());

        var withdrawn = await PhotonAsync(a, "channel", "withdraw", token, partner, "20");
        Assert.Equal(("20", "70"), (withdrawn["total_withdraw"]!.GetValue<string>(), withdrawn["balance"]!.GetValue<string>()));
        Assert.Equal("closed", (await PhotonAsync(a, "channel", "close", token, partner))["state"]!.GetValue<string>());
        var (settled, progress) = await PhotonWithProgressAsync(a, "channel", "settle", token, partner);

        Assert.Equal("settled", settled["state"]!.GetValue<string>());
        Assert.Contains("waiting for channel", progress, StringComparison.Ordinal);
        Assert.Contains("is settled", progress, StringComparison.Ordinal);
        Assert.Empty((await PhotonAsync(a, "channel", "list")).AsArray());
        // A: 1000 - 120 deposited + 20 withdrawn + 70 at settlement; B: the 30 it was paid.
        Assert.Equal(new UInt256(970), await network.TokenBalanceAsync(a.Address));
        Assert.Equal(new UInt256(1030), await network.TokenBalanceAsync(b.Address));
    }

    [Fact]
    public async Task Commands_refuse_bad_input_with_one_error_line_and_change_nothing()
    {
        await using var network = await LocalNetwork.StartAsync(2);
        var a = await network.StartNodeAsync(1);
        var b = await network.StartNodeAsync(2);
        var (token, partner) = (network.Token, b.Address.ToString());
        await PhotonAsync(a, "token", "register", token);
        await PhotonAsync(a, "channel", "open", token, partner, "--deposit", "50", "--settle-timeout", "20");

        await using var overCapacity = await RunAsync(a, "pay", token, partner, "51");
        await using var negative = await RunAsync(a, "channel", "deposit", token, partner, "-5");
        await using var unknownToken = await RunAsync(a, "channel", "open", "0x00000000000000000000000000000000000000aa", partner);
        await using var wrongToken = await PhotonProcess.RunAsync(["status", "--api", a.Api.BaseUrl.ToString(), "--token", "0xnot-the-token"], a.DataDirectory, CommandTimeout);

        Assert.Equal(1, overCapacity.ExitCode);
        Assert.Contains("stderr: error: ", overCapacity.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, negative.ExitCode);
        Assert.Contains("stderr: error: ", negative.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknownToken.ExitCode);
        Assert.Contains("stderr: error: ", unknownToken.Output, StringComparison.Ordinal);
        Assert.Equal(1, wrongToken.ExitCode);
        Assert.Contains("stderr: error: ", wrongToken.Output, StringComparison.Ordinal);
        var channel = await PhotonAsync(a, "channel", "list", token, partner);
        Assert.Equal(("50", "50"), (channel["total_deposit"]!.GetValue<string>(), channel["balance"]!.GetValue<string>()));
        Assert.Empty((await PhotonAsync(a, "payments")).AsArray());
    }

    private static Task<PhotonProcess> RunAsync(NodeProcess node, params string[] args) =>
        PhotonProcess.RunAsync(
            [.. args, "--api", node.Api.BaseUrl.ToString(), "--token-file", Path.Combine(node.DataDirectory, "api-token")],
            node.DataDirectory,
            CommandTimeout);

    /// <summary>Runs a command that must succeed; returns the JSON it printed.</summary>
    private static async Task<JsonNode> PhotonAsync(NodeProcess node, params string[] args) => (await PhotonWithProgressAsync(node, args)).Json;

    private static async Task<(JsonNode Json, string Progress)> PhotonWithProgressAsync(NodeProcess node, params string[] args)
    {
        await using var run = await RunAsync(node, args);
        Assert.True(run.ExitCode == 0, $"photon {string.Join(' ', args)} exited {run.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{run.Output}");
        return (JsonNode.Parse(run.StandardOutput)!, run.Output);
    }
}
