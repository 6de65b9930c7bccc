using System.Globalization;
using System.Text.Json;
using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>
/// Answers crafted to break a reader: text that is not valid UTF-16, duplicated keys, and text
/// meant to forge log lines. Each is the typed exception, and no message carries control characters.
/// </summary>
public sealed class HostileResponseTests
{
    private const string LoneSurrogate = "\\ud800";

    private static readonly JsonRpcClientOptions NoRetries = new() { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Error_message_with_a_lone_surrogate_is_a_format_exception()
    {
        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() =>
            CallAgainstAsync($$$"""{"jsonrpc":"2.0","id":$ID,"error":{"code":-32000,"message":"bad {{{LoneSurrogate}}}"}}"""));

        Assert.Contains("not valid text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task String_id_with_a_lone_surrogate_is_a_format_exception()
    {
        await Assert.ThrowsAsync<RpcResponseFormatException>(() =>
            CallAgainstAsync($$"""{"jsonrpc":"2.0","id":"{{LoneSurrogate}}","result":"0x1"}"""));
    }

    [Fact]
    public async Task Revert_data_with_a_lone_surrogate_is_still_a_revert_without_data()
    {
        var revert = await Assert.ThrowsAsync<ExecutionRevertedException>(() =>
            CallAgainstAsync($$$"""{"jsonrpc":"2.0","id":$ID,"error":{"code":3,"message":"execution reverted","data":"0x{{{LoneSurrogate}}}"}}"""));

        Assert.Equal(RevertReasonKind.Empty, revert.Reason.Kind);
    }

    [Fact]
    public async Task Quantity_with_a_lone_surrogate_is_a_format_exception()
    {
        await using var server = Answering($"\"0x1{LoneSurrogate}\"");
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => new EthClient(client).BlockNumberAsync());

        Assert.Contains("eth_blockNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Address_field_with_a_lone_surrogate_names_the_field()
    {
        await using var server = Answering($$"""[{"address":"0x{{LoneSurrogate}}","topics":[],"data":"0x"}]""");
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => new EthClient(client).GetLogsAsync(new LogFilter()));

        Assert.Contains("eth_getLogs[0].address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("byte[]")]
    [InlineData("ReadOnlyMemory<byte>")]
    [InlineData("UInt256")]
    [InlineData("ulong")]
    [InlineData("BlockParameter")]
    public async Task Typed_result_with_a_lone_surrogate_is_a_format_exception(string type)
    {
        await using var server = Answering($"\"0x{LoneSurrogate}\"");
        using var client = new JsonRpcClient(server.Url, NoRetries);

        Task call = type switch
        {
            "string" => client.CallAsync<string>("m", []),
            "byte[]" => client.CallAsync<byte[]>("m", []),
            "ReadOnlyMemory<byte>" => client.CallAsync<ReadOnlyMemory<byte>>("m", []),
            "UInt256" => client.CallAsync<UInt256>("m", []),
            "ulong" => client.CallAsync<ulong>("m", []),
            _ => client.CallAsync<BlockParameter>("m", []),
        };

        await Assert.ThrowsAsync<RpcResponseFormatException>(() => call);
    }

    [Fact]
    public void Invalid_utf8_inside_a_result_string_is_a_format_exception()
    {
        byte[] body = [.. """{"jsonrpc":"2.0","id":7,"result":"0x1"""u8, 0xff, .. "\"}"u8];

        var error = Record.Exception(() => RpcJson.QuantityUInt64(JsonRpcResponseReader.ReadSingle(body, 7, "eth_blockNumber"), "eth_blockNumber"));

        Assert.IsType<RpcResponseFormatException>(error);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":$ID,"result":"0x1","result":"0x2"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":$ID,"id":$ID,"result":"0x1"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":$ID,"error":{"code":1,"code":2,"message":"x"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":$ID,"result":{"hash":"0x1","hash":"0x2"}}""")]
    public async Task Duplicate_keys_anywhere_in_the_answer_are_a_format_exception(string template)
    {
        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => CallAgainstAsync(template));

        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_in_a_batch_item_are_a_format_exception()
    {
        await using var server = new LoopbackHttpServer((_, body) =>
        {
            var items = LoopbackHttpServer.BatchOf(body).Select(r => $$"""{"jsonrpc":"2.0","id":{{r.Id}},"result":"0x1","result":"0x2"}""");
            return LoopbackResponse.Json("[" + string.Join(",", items) + "]");
        });
        using var client = new JsonRpcClient(server.Url, NoRetries);

        await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.BatchAsync([new("a", []), new("b", [])]));
    }

    [Fact]
    public async Task Nesting_beyond_the_bound_is_a_format_exception()
    {
        var deep = new string('[', 300) + new string(']', 300);

        await using var server = Answering(deep);
        using var client = new JsonRpcClient(server.Url, NoRetries);

        await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.CallAsync("debug_traceCall", []));
    }

    [Fact]
    public async Task Json_rpc_error_message_cannot_forge_log_lines()
    {
        const string forged = "nonce too low\n2024-01-01 INFO payment accepted\u001b[2J";
        var json = JsonSerializer.Serialize(forged);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() =>
            CallAgainstAsync($$$"""{"jsonrpc":"2.0","id":$ID,"error":{"code":-32000,"message":{{{json}}}}}"""));

        Assert.Equal(forged, error.RpcMessage);
        AssertPrintable(error.Message);
        Assert.Contains("nonce too low\\u000a2024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_that_is_not_json_cannot_forge_log_lines()
    {
        await using var server = new LoopbackHttpServer((_, _) => LoopbackResponse.Json("<html>\r\nINFO all good\u001b[0m</html>"));
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.CallAsync("eth_chainId", []));

        AssertPrintable(error.Message);
        Assert.Contains("INFO all good", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_error_message_is_shortened_in_the_exception_message_only()
    {
        var message = new string('x', 5000);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() =>
            CallAgainstAsync($$$"""{"jsonrpc":"2.0","id":$ID,"error":{"code":-32000,"message":"{{{message}}}"}}"""));

        Assert.Equal(message, error.RpcMessage);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public async Task Answer_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
    {
        const int limit = 4096;
        await using var server = new LoopbackHttpServer((_, body) =>
        {
            var json = $$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(body)}},"result":"0x1"}""";
            var extra = body.Contains("\"big\"", StringComparison.Ordinal) ? 1 : 0;
            return LoopbackResponse.Json(json + new string(' ', limit - json.Length + extra));
        });
        using var client = new JsonRpcClient(server.Url, NoRetries with { MaxResponseBytes = limit });

        var atLimit = await client.CallAsync("m", ["small"]);
        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.CallAsync("m", ["big"]));

        Assert.Equal("0x1", atLimit.GetString());
        Assert.Contains("limit of 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chunked_answer_without_a_length_is_bounded_by_the_limit_too()
    {
        await using var server = new LoopbackHttpServer((_, body) =>
            LoopbackResponse.Json($$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(body)}},"result":"0x1"}""" + new string(' ', 70_000)) with { Chunked = true });
        using var small = new JsonRpcClient(server.Url, NoRetries with { MaxResponseBytes = 64 * 1024 });
        using var large = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => small.CallAsync("eth_blockNumber", []));
        Assert.Equal(1UL, await new EthClient(large).BlockNumberAsync());
        Assert.Contains("exceeds the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_answer_limit_is_32_mib_and_larger_than_an_array_is_refused()
    {
        Assert.Equal(32L * 1024 * 1024, new JsonRpcClientOptions().MaxResponseBytes);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new JsonRpcClient(new Uri("http://127.0.0.1:1/"), new JsonRpcClientOptions { MaxResponseBytes = (long)Array.MaxLength + 1 }));
    }

    internal static void AssertPrintable(string text)
    {
        var bad = text.Where(c => char.IsControl(c) || char.IsSurrogate(c)).Select(c => ((int)c).ToString("x4", CultureInfo.InvariantCulture)).ToList();
        Assert.True(bad.Count == 0, $"control characters {string.Join(",", bad)} in: {text}");
    }

    private static async Task CallAgainstAsync(string template)
    {
        await using var server = new LoopbackHttpServer((_, body) =>
            LoopbackResponse.Json(template.Replace("$ID", LoopbackHttpServer.IdOf(body).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        using var client = new JsonRpcClient(server.Url, NoRetries);
        await client.CallAsync("eth_chainId", []);
    }

    private static LoopbackHttpServer Answering(string resultJson) => new((_, body) =>
        LoopbackResponse.Json($$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(body)}},"result":{{resultJson}}}"""));
}
