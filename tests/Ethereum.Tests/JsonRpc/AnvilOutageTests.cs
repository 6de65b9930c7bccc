using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>One client instance across an endpoint crash (SIGKILL) and restart on the same port.</summary>
public sealed class AnvilOutageTests
{
    [Fact]
    public async Task Call_during_the_outage_fails_typed_and_the_same_client_works_after_restart()
    {
        await using var anvil = await AnvilFixture.StartAsync();
        using var client = new JsonRpcClient(anvil.Url, new JsonRpcClientOptions
        {
            MaxAttempts = 2,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(5),
        });
        var eth = new EthClient(client);
        await anvil.MineAsync(3);
        Assert.Equal(3UL, await eth.BlockNumberAsync());

        await anvil.KillAsync();
        var outage = await Assert.ThrowsAnyAsync<RpcTransportException>(() => eth.BlockNumberAsync());
        await anvil.RestartAsync();

        Assert.Equal(2, outage.Attempts);
        Assert.Equal(anvil.ChainId, await eth.ChainIdAsync());
        Assert.Equal(0UL, await eth.BlockNumberAsync());
    }

    [Fact]
    public async Task Call_that_keeps_retrying_succeeds_once_the_endpoint_is_back()
    {
        await using var anvil = await AnvilFixture.StartAsync(new AnvilOptions { PersistState = true });
        var firstRetry = new TaskCompletionSource<RpcRetryEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var retries = 0;
        using var client = new JsonRpcClient(anvil.Url, new JsonRpcClientOptions
        {
            // A retry window (about 60 s) far longer than a restart takes.
            MaxAttempts = 300,
            BaseDelay = TimeSpan.FromMilliseconds(50),
            MaxDelay = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(5),
            OnRetry = e =>
            {
                Interlocked.Increment(ref retries);
                firstRetry.TrySetResult(e);
            },
        });
        var eth = new EthClient(client);
        await anvil.MineAsync(4);
        await anvil.StopAsync();

        var call = eth.BlockNumberAsync();
        var retry = await firstRetry.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await anvil.RestartAsync();

        Assert.Equal(4UL, await call);
        Assert.IsType<HttpRequestException>(retry.Failure);
        Assert.True(retries >= 1);
    }
}
