using System.Net;
using System.Net.Sockets;
using Photon.TestSupport;

namespace Photon.Node.Tests.Cli;

/// <summary>Ctrl-C while a node command waits for the API (e.g. for a settle window): a clean stop, not a crash.</summary>
public sealed class ApiCommandInterruptTests
{
    [Fact]
    public async Task Ctrl_C_while_waiting_for_the_node_says_what_may_still_happen_and_exits_130()
    {
        // A listener that accepts and never answers: the command waits as it waits for a long chain call.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("photon-interrupt-").FullName;
        try
        {
            await using var command = await PhotonProcess.StartAsync(["status", "--api", $"http://127.0.0.1:{port}", "--token", "t0ken"], folder);
            using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await command.InterruptAsync(TimeSpan.FromSeconds(30));

            Assert.True(command.ExitCode == 130, $"exit {command.ExitCode}:\n{command.Output}");
            Assert.Contains("stderr: cancelled: the node may still finish what it started", command.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", command.Output, StringComparison.Ordinal);
            Assert.Equal("", command.StandardOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
