using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task Endpoint_that_never_answers_gives_a_timeout_exception()
    {
        await using var silent = new LoopbackHttpServer((_, _) => null);
        using var client = new JsonRpcClient(silent.Url, new JsonRpcClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 1 });

        var error = await Assert.ThrowsAsync<RpcTimeoutException>(() => client.CallAsync("eth_blockNumber", []));

        Assert.Equal(1, error.Attempts);
        Assert.Equal(TimeSpan.FromMilliseconds(300), error.Timeout);
        Assert.IsAssignableFrom<RpcTransportException>(error);
    }

    [Fact]
    public async Task Timed_out_attempts_are_retried_before_giving_up()
    {
        await using var silent = new LoopbackHttpServer((_, _) => null);
        var retries = 0;
        // The server counts a request once it has read it; a timeout long enough for a busy test
        // machine to get there keeps the count exact.
        using var client = new JsonRpcClient(silent.Url, new JsonRpcClientOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(1),
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            OnRetry = _ => Interlocked.Increment(ref retries),
        });

        var error = await Assert.ThrowsAsync<RpcTimeoutException>(() => client.CallAsync("eth_blockNumber", []));

        Assert.Equal(3, error.Attempts);
        Assert.Equal(2, retries);
        Assert.Equal(3, silent.RequestCount);
    }

    [Fact]
    public async Task Cancellation_ends_a_call_that_waits_for_an_answer()
    {
        await using var silent = new LoopbackHttpServer((_, _) => null);
        using var client = new JsonRpcClient(silent.Url, new JsonRpcClientOptions { RequestTimeout = TimeSpan.FromMinutes(5) });
        using var cts = new CancellationTokenSource();

        var call = client.CallAsync("eth_blockNumber", [], cts.Token);
        while (silent.RequestCount == 0)
            await Task.Delay(10);
        await cts.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Cancellation_ends_a_call_waiting_to_retry()
    {
        using var cts = new CancellationTokenSource();
        using var client = new JsonRpcClient(ClosedPortUrl(), new JsonRpcClientOptions
        {
            MaxAttempts = 10,
            BaseDelay = TimeSpan.FromMinutes(5),
            MaxDelay = TimeSpan.FromMinutes(5),
            OnRetry = _ => cts.Cancel(),
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("eth_blockNumber", [], cts.Token));
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        await using var server = new LoopbackHttpServer((_, body) => LoopbackResponse.Json($$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(body)}},"result":"0x1"}"""));
        using var client = new JsonRpcClient(server.Url);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("eth_blockNumber", [], new CancellationToken(canceled: true)));
        Assert.Equal(0, server.RequestCount);
    }

    internal static Uri ClosedPortUrl() => new($"http://127.0.0.1:{FreeTcpPort.Find()}/");
}
