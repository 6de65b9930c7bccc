using System.Net;
using System.Net.Sockets;

namespace Photon.Node.Tests.Cli;

/// <summary><c>photon node</c> refuses what it cannot start with, in one line and exit code 1.</summary>
public sealed class NodeCommandTests
{
    [Fact]
    public void Refuses_an_endpoint_that_is_not_an_http_url() =>
        CliRun.Of("node", "--eth-rpc", "localhost:8545", "--relay", "http://127.0.0.1:1", "--dev-account", "1").AssertRefused("--eth-rpc must be an http(s) URL");

    [Fact]
    public void Refuses_a_malformed_registry_address() =>
        CliRun.Of("node", "--eth-rpc", "http://127.0.0.1:1", "--relay", "http://127.0.0.1:1", "--registry", "0x12", "--dev-account", "1").AssertRefused("--registry must be an address");

    [Fact]
    public void Says_so_when_the_ethereum_node_does_not_answer()
    {
        var run = CliRun.Of("node", "--eth-rpc", $"http://127.0.0.1:{ClosedPort()}", "--relay", "http://127.0.0.1:1", "--dev-account", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("does not answer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_the_required_options() =>
        Assert.Equal(2, CliRun.Of("node", "--dev-account", "1").ExitCode);

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
