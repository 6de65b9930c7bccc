using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>Every way a call can fail is an <see cref="RpcException"/>, and none looks like the caller's bad input.</summary>
public sealed class RpcExceptionTests
{
    [Theory]
    [InlineData(typeof(RpcTransportException))]
    [InlineData(typeof(RpcTimeoutException))]
    [InlineData(typeof(RpcResponseFormatException))]
    [InlineData(typeof(JsonRpcException))]
    [InlineData(typeof(ExecutionRevertedException))]
    public void Each_failure_is_an_rpc_exception_and_not_a_format_exception(Type type)
    {
        Assert.True(typeof(RpcException).IsAssignableFrom(type));
        Assert.False(typeof(FormatException).IsAssignableFrom(type));
        Assert.False(typeof(ArgumentException).IsAssignableFrom(type));
    }

    [Fact]
    public async Task Malformed_answer_is_caught_as_an_rpc_exception_not_as_bad_input()
    {
        await using var server = new LoopbackHttpServer((_, _) => LoopbackResponse.Json("<html>oops</html>"));
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { MaxAttempts = 1 });

        var error = await Record.ExceptionAsync(() => client.CallAsync("eth_chainId", []));

        Assert.IsType<RpcResponseFormatException>(error);
        Assert.IsNotAssignableFrom<FormatException>(error);
        Assert.IsAssignableFrom<RpcException>(error);
    }

    [Fact]
    public async Task Unreachable_endpoint_and_error_answers_share_the_base_too()
    {
        using var unreachable = new JsonRpcClient(TimeoutAndCancellationTests.ClosedPortUrl(), new JsonRpcClientOptions { MaxAttempts = 1 });
        await using var server = new LoopbackHttpServer((_, body) =>
            LoopbackResponse.Json($$$"""{"jsonrpc":"2.0","id":{{{LoopbackHttpServer.IdOf(body)}}},"error":{"code":-32601,"message":"no such method"}}"""));
        using var answering = new JsonRpcClient(server.Url, new JsonRpcClientOptions { MaxAttempts = 1 });

        Assert.IsType<RpcTransportException>(await Assert.ThrowsAnyAsync<RpcException>(() => unreachable.CallAsync("eth_chainId", [])));
        Assert.IsType<JsonRpcException>(await Assert.ThrowsAnyAsync<RpcException>(() => answering.CallAsync("x", [])));
    }
}
