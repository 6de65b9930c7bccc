using System.Net;
using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class RetryTests
{
    private static readonly JsonRpcClientOptions FastRetries = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Two_service_unavailable_answers_are_retried_until_the_call_succeeds()
    {
        await using var server = new LoopbackHttpServer((n, body) => n <= 2
            ? new LoopbackResponse(503, "busy")
            : LoopbackResponse.Json(Result(body, "\"0x2a\"")));
        var retries = new List<RpcRetryEvent>();
        using var client = new JsonRpcClient(server.Url, FastRetries with { OnRetry = retries.Add });

        var result = await client.CallAsync("eth_blockNumber", []);

        Assert.Equal("0x2a", result.GetString());
        Assert.Equal(3, server.RequestCount);
        Assert.Equal([1, 2], retries.Select(r => r.FailedAttempt));
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<HttpRequestException>(r.Failure).StatusCode));
    }

    [Fact]
    public async Task Too_many_requests_with_retry_after_is_retried()
    {
        await using var server = new LoopbackHttpServer((n, body) => n == 1
            ? new LoopbackResponse(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : LoopbackResponse.Json(Result(body, "\"0x1\"")));
        using var client = new JsonRpcClient(server.Url, FastRetries);

        await client.CallAsync("eth_chainId", []);

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Json_rpc_error_answers_are_not_retried()
    {
        await using var server = new LoopbackHttpServer((_, body) =>
            LoopbackResponse.Json(Error(body, -32000, "nonce too low")));
        using var client = new JsonRpcClient(server.Url, FastRetries);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync("eth_sendRawTransaction", ["0x00"]));

        Assert.Equal(-32000, error.Code);
        Assert.Equal("nonce too low", error.RpcMessage);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Server_error_status_carrying_a_json_rpc_error_is_that_answer()
    {
        await using var server = new LoopbackHttpServer((_, body) =>
            new LoopbackResponse(500, Error(body, -32603, "internal")));
        using var client = new JsonRpcClient(server.Url, FastRetries);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync("eth_chainId", []));

        Assert.Equal(-32603, error.Code);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Server_error_status_without_json_rpc_body_is_retried_then_reported()
    {
        await using var server = new LoopbackHttpServer((_, _) => new LoopbackResponse(500, "<html>proxy error</html>"));
        using var client = new JsonRpcClient(server.Url, FastRetries);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", []));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task Client_error_status_is_final()
    {
        await using var server = new LoopbackHttpServer((_, _) => new LoopbackResponse(404, "no such path"));
        using var client = new JsonRpcClient(server.Url, FastRetries);

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", []));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Refused_connection_is_a_transport_exception_after_every_attempt()
    {
        var retries = 0;
        using var client = new JsonRpcClient(TimeoutAndCancellationTests.ClosedPortUrl(), FastRetries with
        {
            MaxAttempts = 3,
            OnRetry = _ => retries++,
        });

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", []));

        Assert.IsNotType<RpcTimeoutException>(error);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(2, retries);
        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Batch_is_retried_as_a_whole()
    {
        await using var server = new LoopbackHttpServer((n, body) =>
        {
            if (n == 1)
                return new LoopbackResponse(502, "bad gateway");
            var items = LoopbackHttpServer.BatchOf(body).Select(r => $$"""{"jsonrpc":"2.0","id":{{r.Id}},"result":"{{r.Method}}"}""");
            return LoopbackResponse.Json("[" + string.Join(",", items) + "]");
        });
        using var client = new JsonRpcClient(server.Url, FastRetries);

        var results = await client.BatchAsync([new RpcRequest("a", []), new RpcRequest("b", [])]);

        Assert.Equal(["a", "b"], results.Select(r => r.GetResult<string>()));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_calls_use_distinct_ids()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<long>();
        await using var server = new LoopbackHttpServer((_, body) =>
        {
            var id = LoopbackHttpServer.IdOf(body);
            ids.Add(id);
            return LoopbackResponse.Json(Result(body, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        using var client = new JsonRpcClient(server.Url, FastRetries);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.CallAsync<long>("photon_echoId", [])));

        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(results.Order(), ids.Order());
    }

    [Fact]
    public async Task Empty_batch_sends_nothing_and_returns_nothing()
    {
        await using var server = new LoopbackHttpServer((_, _) => LoopbackResponse.Json("[]"));
        using var client = new JsonRpcClient(server.Url, FastRetries);

        Assert.Empty(await client.BatchAsync([]));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Refused_connection_does_not_reveal_the_endpoint_path_or_credentials()
    {
        var port = TimeoutAndCancellationTests.ClosedPortUrl().Port;
        using var client = new JsonRpcClient(SecretUrl(port), FastRetries with { MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", []));

        AssertRedacted(error, port);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Http_error_status_does_not_reveal_the_endpoint_path_or_credentials(int status)
    {
        var retries = new List<RpcRetryEvent>();
        await using var server = new LoopbackHttpServer((_, _) => new LoopbackResponse(status, "<html>denied</html>"));
        using var client = new JsonRpcClient(SecretUrl(server.Url.Port), FastRetries with { MaxAttempts = 2, OnRetry = retries.Add });

        var error = await Assert.ThrowsAsync<RpcTransportException>(() => client.CallAsync("eth_chainId", []));

        Assert.Equal(status, (int)error.StatusCode!.Value);
        AssertRedacted(error, server.Url.Port);
        Assert.All(retries, r => AssertRedacted(r.Failure, port: null));
    }

    [Fact]
    public async Task Timeout_does_not_reveal_the_endpoint_path_or_credentials()
    {
        await using var silent = new LoopbackHttpServer((_, _) => null);
        using var client = new JsonRpcClient(SecretUrl(silent.Url.Port), FastRetries with { MaxAttempts = 1, RequestTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<RpcTimeoutException>(() => client.CallAsync("eth_chainId", []));

        AssertRedacted(error, silent.Url.Port);
    }

    [Fact]
    public async Task Malformed_answer_does_not_reveal_the_endpoint_path_or_credentials()
    {
        await using var server = new LoopbackHttpServer((_, _) => LoopbackResponse.Json("not json"));
        using var client = new JsonRpcClient(SecretUrl(server.Url.Port), FastRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.CallAsync("eth_chainId", []));

        AssertRedacted(error, port: null);
    }

    private static Uri SecretUrl(int port) => new($"http://user:pa55@127.0.0.1:{port}/v3/secret-api-key?token=hunter2");

    // ToString covers the inner exceptions and their messages, which is what loggers write.
    private static void AssertRedacted(Exception error, int? port)
    {
        if (port is { } p)
            Assert.Contains($"127.0.0.1:{p}", error.Message, StringComparison.Ordinal);
        foreach (var text in (string[])[error.Message, error.ToString()])
        {
            Assert.DoesNotContain("secret-api-key", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pa55", text, StringComparison.Ordinal);
            Assert.DoesNotContain("user:", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        var url = new Uri("http://127.0.0.1:1/");
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonRpcClient(url, new JsonRpcClientOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonRpcClient(url, new JsonRpcClientOptions { RequestTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonRpcClient(url, new JsonRpcClientOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(1) }));
    }

    private static string Error(string requestBody, int code, string message) =>
        $$$"""{"jsonrpc":"2.0","id":{{{LoopbackHttpServer.IdOf(requestBody)}}},"error":{"code":{{{code}}},"message":"{{{message}}}"}}""";

    private static string Result(string requestBody, string resultJson) =>
        $$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(requestBody)}},"result":{{resultJson}}}""";
}
