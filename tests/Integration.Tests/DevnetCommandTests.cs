using Photon.TestSupport;

namespace Photon.Integration.Tests;

/// <summary>The README's first command, as a user runs it.</summary>
public sealed class DevnetCommandTests
{
    [Fact]
    public async Task Photon_devnet_runs_the_three_party_story_and_prints_the_final_on_chain_balances()
    {
        var folder = Directory.CreateTempSubdirectory("photon-devnet-test-").FullName;
        try
        {
            await using var devnet = await PhotonProcess.StartAsync(["devnet"], folder);
            await devnet.WaitForLineAsync("on-chain balance of C: 1000", TimeSpan.FromMinutes(4));
            // Let it stop by itself: it stops its nodes, relay and Anvil (a kill would orphan Anvil).
            for (var waited = 0; !devnet.HasExited && waited < 300; waited++)
                await Task.Delay(100);
            Assert.True(devnet.HasExited, "photon devnet did not exit after the story");

            var output = devnet.Output;
            Assert.Contains("A paid B 30 directly: succeeded", output, StringComparison.Ordinal);
            Assert.Contains("A paid C 20 through B: succeeded", output, StringComparison.Ordinal);
            Assert.Contains("channels: A-B 50/50, B-C 60/20", output, StringComparison.Ordinal);
            Assert.Contains("A-B is settled", output, StringComparison.Ordinal);
            Assert.Contains("on-chain balance of A: 950", output, StringComparison.Ordinal);
            Assert.Contains("on-chain balance of B: 970", output, StringComparison.Ordinal);
            Assert.True(!output.Contains("stderr: warn", StringComparison.Ordinal), output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
