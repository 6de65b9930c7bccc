using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>Endpoints that answer, but wrongly: every case is a typed exception, never a crash or a wrong value.</summary>
public sealed class MalformedResponseTests
{
    private static readonly JsonRpcClientOptions NoRetries = new() { MaxAttempts = 1, RequestTimeout = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData("<html>Bad Gateway</html>", "not JSON")]
    [InlineData("", "not JSON")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":$ID}", "neither 'result' nor 'error'")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":999999,\"result\":\"0x1\"}", "is not the request id")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"result\":\"0x1\"}", "is not the request id")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":$ID,\"result\":\"0x1\"}]", "expected a response object")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":$ID,\"error\":\"boom\"}", "not an object")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":$ID,\"error\":{\"code\":\"-32000\",\"message\":\"x\"}}", "no integer 'code'")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":$ID,\"error\":{\"code\":1.5,\"message\":\"x\"}}", "no integer 'code'")]
    public async Task Malformed_single_response_is_a_format_exception(string template, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => CallAgainstAsync(template));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_with_null_id_is_the_servers_answer()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() =>
            CallAgainstAsync("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"""));

        Assert.Equal(-32700, error.Code);
    }

    [Fact]
    public async Task Error_data_is_kept_as_raw_json()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() =>
            CallAgainstAsync("""{"jsonrpc":"2.0","id":$ID,"error":{"code":-32000,"message":"x","data":{"why":[1,2]}}}"""));

        Assert.Equal("""{"why":[1,2]}""", error.ErrorDataJson);
    }

    [Theory]
    // Hardhat: data is an object holding the revert bytes.
    [InlineData("""{"code":-32603,"message":"Error: VM Exception while processing transaction: reverted with reason string 'hh'","data":{"message":"m","data":"$DATA"}}""")]
    // Ganache 2: data keyed by transaction hash, bytes under "return".
    [InlineData("""{"code":-32000,"message":"VM Exception while processing transaction: revert hh","data":{"0xabc":{"error":"revert","return":"$DATA"}}}""")]
    // geth, reth, anvil: code 3 and a hex string.
    [InlineData("""{"code":3,"message":"execution reverted: hh","data":"$DATA"}""")]
    public async Task Reverts_are_recognised_in_the_shapes_nodes_report_them(string errorTemplate)
    {
        var error = errorTemplate.Replace("$DATA", Hex.Encode(EvmCode.ErrorPayload("hh")), StringComparison.Ordinal);

        var revert = await Assert.ThrowsAsync<ExecutionRevertedException>(() =>
            CallAgainstAsync("{\"jsonrpc\":\"2.0\",\"id\":$ID,\"error\":" + error + "}"));

        Assert.Equal("hh", revert.Reason.Message);
    }

    [Fact]
    public async Task Revert_with_unreadable_data_is_still_a_revert()
    {
        var revert = await Assert.ThrowsAsync<ExecutionRevertedException>(() =>
            CallAgainstAsync("""{"jsonrpc":"2.0","id":$ID,"error":{"code":3,"message":"execution reverted","data":"0xzz"}}"""));

        Assert.Equal(RevertReasonKind.Empty, revert.Reason.Kind);
    }

    [Theory]
    [InlineData("\"12\"")]
    [InlineData("\"0xzz\"")]
    [InlineData("\"0x\"")]
    [InlineData("\"0x10000000000000000\"")]
    [InlineData("12")]
    [InlineData("null")]
    public async Task Block_number_that_is_not_a_64_bit_quantity_is_a_format_exception(string result)
    {
        await using var server = Answering(result);
        using var client = new JsonRpcClient(server.Url, NoRetries);

        await Assert.ThrowsAsync<RpcResponseFormatException>(() => new EthClient(client).BlockNumberAsync());
    }

    [Fact]
    public async Task Block_without_a_hash_is_a_format_exception_naming_the_field()
    {
        await using var server = Answering("""{"number":"0x1","parentHash":"0x0000000000000000000000000000000000000000000000000000000000000000","timestamp":"0x1","gasLimit":"0x1","gasUsed":"0x0","miner":"0x0000000000000000000000000000000000000000"}""");
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => new EthClient(client).GetBlockByNumberAsync(1));

        Assert.Contains("'hash'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_block_as_geth_reports_it_without_hash_nonce_and_miner_is_read()
    {
        const string parent = "0x1111111111111111111111111111111111111111111111111111111111111111";
        const string tx = "0x2222222222222222222222222222222222222222222222222222222222222222";
        await using var server = Answering($$"""
            {"number":"0x11","hash":null,"nonce":null,"miner":null,"parentHash":"{{parent}}","timestamp":"0x6502",
             "gasLimit":"0x1c9c380","gasUsed":"0x5208","baseFeePerGas":"0x7","transactions":["{{tx}}"]}
            """);
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var pending = await new EthClient(client).GetPendingBlockAsync();

        Assert.Equal(new PendingBlock(0x11, Hash256.Parse(parent), 0x6502, 30_000_000, 21_000, 7, [Hash256.Parse(tx)]), pending);
    }

    [Fact]
    public async Task Receipt_with_an_impossible_status_is_a_format_exception()
    {
        const string hash = "0x1111111111111111111111111111111111111111111111111111111111111111";
        await using var server = Answering($$"""
            {"transactionHash":"{{hash}}","transactionIndex":"0x0","blockHash":"{{hash}}","blockNumber":"0x1",
             "from":"0x0000000000000000000000000000000000000001","to":null,"contractAddress":null,"gasUsed":"0x5208",
             "cumulativeGasUsed":"0x5208","status":"0x2","logs":[]}
            """);
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => new EthClient(client).GetTransactionReceiptAsync(Hash256.Parse(hash)));

        Assert.Contains("status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_with_a_short_topic_is_a_format_exception()
    {
        await using var server = Answering("""[{"address":"0x0000000000000000000000000000000000000001","topics":["0x1234"],"data":"0x"}]""");
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => new EthClient(client).GetLogsAsync(new LogFilter()));

        Assert.Contains("topics[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_larger_than_the_limit_is_refused()
    {
        await using var server = Answering("\"0x" + new string('0', 5000) + "\"");
        using var client = new JsonRpcClient(server.Url, NoRetries with { MaxResponseBytes = 1024 });

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.CallAsync("eth_blockNumber", []));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_answers_in_any_order_are_matched_by_id()
    {
        await using var server = new LoopbackHttpServer((_, body) =>
        {
            var items = LoopbackHttpServer.BatchOf(body).Reverse().Select(r => r.Method == "fail"
                ? $$$"""{"jsonrpc":"2.0","id":{{{r.Id}}},"error":{"code":-1,"message":"failed"}}"""
                : $$"""{"jsonrpc":"2.0","id":{{r.Id}},"result":"{{r.Method}}"}""");
            return LoopbackResponse.Json("[" + string.Join(",", items) + "]");
        });
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var results = await client.BatchAsync([new("first", []), new("fail", []), new("third", []), new("fourth", [])]);

        Assert.Equal("first", results[0].GetResult<string>());
        Assert.Equal(-1, results[1].Error!.Code);
        Assert.Equal("third", results[2].GetResult<string>());
        Assert.Equal("fourth", results[3].GetResult<string>());
    }

    [Theory]
    [InlineData("missing", "no response for id")]
    [InlineData("duplicate", "two responses for id")]
    [InlineData("unknown", "matches no request")]
    [InlineData("object", "expected an array of responses")]
    [InlineData("number", "expected an array of responses")]
    public async Task Batch_answers_that_do_not_match_the_requests_are_a_format_exception(string fault, string expected)
    {
        await using var server = new LoopbackHttpServer((_, body) =>
        {
            var requests = LoopbackHttpServer.BatchOf(body);
            var ids = requests.Select(r => r.Id).ToList();
            switch (fault)
            {
                case "missing": ids.RemoveAt(1); break;
                case "duplicate": ids[1] = ids[0]; break;
                case "unknown": ids[1] = 424242; break;
                case "object": return LoopbackResponse.Json($$"""{"jsonrpc":"2.0","id":{{ids[0]}},"result":"0x1"}""");
                case "number": return LoopbackResponse.Json("42");
            }
            return LoopbackResponse.Json("[" + string.Join(",", ids.Select(id => $$"""{"jsonrpc":"2.0","id":{{id}},"result":"0x1"}""")) + "]");
        });
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.BatchAsync([new("a", []), new("b", []), new("c", [])]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_rejected_as_a_whole_is_the_servers_error()
    {
        await using var server = new LoopbackHttpServer((_, _) =>
            LoopbackResponse.Json("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}"""));
        using var client = new JsonRpcClient(server.Url, NoRetries);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.BatchAsync([new("a", []), new("b", [])]));

        Assert.Equal(-32600, error.Code);
    }

    [Fact]
    public async Task Result_of_the_wrong_type_is_a_format_exception()
    {
        await using var server = Answering("""{"not":"a string"}""");
        using var client = new JsonRpcClient(server.Url, NoRetries);

        await Assert.ThrowsAsync<RpcResponseFormatException>(() => client.CallAsync<string>("eth_chainId", []));
    }

    private static async Task CallAgainstAsync(string template)
    {
        await using var server = new LoopbackHttpServer((_, body) =>
            LoopbackResponse.Json(template.Replace("$ID", LoopbackHttpServer.IdOf(body).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        using var client = new JsonRpcClient(server.Url, NoRetries);
        await client.CallAsync("eth_chainId", []);
    }

    private static LoopbackHttpServer Answering(string resultJson) => new((_, body) =>
        LoopbackResponse.Json($$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(body)}},"result":{{resultJson}}}"""));
}
