using System.Diagnostics;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>Each test runs its own chain: these start, stop, kill and restart Anvil.</summary>
public sealed class AnvilLifecycleTests
{
    [Fact]
    public async Task Chain_id_and_interval_mining_are_configurable()
    {
        await using var anvil = await AnvilFixture.StartAsync(new AnvilOptions { ChainId = 1337, BlockTimeSeconds = 1 });

        Assert.Equal(1337UL, await anvil.Eth.ChainIdAsync());
        // Interval mining produces blocks without transactions; wait (generously) for two of them.
        var deadline = Stopwatch.StartNew();
        while (await anvil.Eth.BlockNumberAsync() < 2)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "no blocks were mined by interval mining");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Disposing_the_fixture_kills_anvil()
    {
        var anvil = await AnvilFixture.StartAsync();
        using var process = Process.GetProcessById(anvil.ProcessId!.Value);

        await anvil.DisposeAsync();

        Assert.True(process.HasExited);
        await Assert.ThrowsAsync<RpcTransportException>(() => ProbeAsync(anvil.Url));
    }

    [Fact]
    public async Task Restart_after_kill_serves_a_fresh_chain_on_the_same_port()
    {
        await using var anvil = await AnvilFixture.StartAsync();
        var port = anvil.Port;
        await anvil.MineAsync(4);

        await anvil.KillAsync();
        Assert.False(anvil.IsRunning);
        await anvil.RestartAsync();

        Assert.Equal(port, anvil.Port);
        Assert.True(anvil.IsRunning);
        Assert.Equal(0UL, await anvil.Eth.BlockNumberAsync());
    }

    [Fact]
    public async Task Restart_with_persisted_state_keeps_the_chain()
    {
        await using var anvil = await AnvilFixture.StartAsync(new AnvilOptions { PersistState = true });
        await anvil.MineAsync(7);
        var block7 = await anvil.Eth.GetBlockByNumberAsync(7);

        await anvil.RestartAsync();

        Assert.Equal(7UL, await anvil.Eth.BlockNumberAsync());
        Assert.Equal(block7!.Hash, (await anvil.Eth.GetBlockByNumberAsync(7))!.Hash);
        Assert.True(File.Exists(anvil.StateFile));
    }

    [Fact]
    public async Task Anvil_that_dies_at_start_is_reported_with_its_own_error()
    {
        var options = new AnvilOptions { Hardfork = "no-such-hardfork" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AnvilFixture.StartAsync(options));

        Assert.Contains("no-such-hardfork", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_chains_run_side_by_side_on_different_ports()
    {
        await using var first = await AnvilFixture.StartAsync();
        await using var second = await AnvilFixture.StartAsync(new AnvilOptions { ChainId = 5 });

        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal(31337UL, await first.Eth.ChainIdAsync());
        Assert.Equal(5UL, await second.Eth.ChainIdAsync());
    }

    private static async Task ProbeAsync(Uri url)
    {
        using var client = new JsonRpcClient(url, new JsonRpcClientOptions { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(5) });
        await client.CallAsync("eth_chainId", []);
    }
}
