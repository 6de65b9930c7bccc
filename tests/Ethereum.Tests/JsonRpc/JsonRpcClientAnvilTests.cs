using System.Text.Json;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class JsonRpcClientAnvilTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Call_returns_the_result_element()
    {
        var result = await anvil.Rpc.CallAsync("eth_chainId", []);

        Assert.Equal("0x7a69", result.GetString());
    }

    [Fact]
    public async Task Unknown_method_is_a_json_rpc_error_with_code_method_not_found()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Rpc.CallAsync("photon_noSuchMethod", []));

        Assert.Equal(-32601, error.Code);
        Assert.IsNotType<ExecutionRevertedException>(error);
    }

    [Fact]
    public async Task Invalid_params_are_a_json_rpc_error_with_code_invalid_params()
    {
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Rpc.CallAsync("eth_getBalance", ["0x1234", "latest"]));

        Assert.Equal(-32602, error.Code);
        Assert.False(string.IsNullOrEmpty(error.RpcMessage));
    }

    [Fact]
    public async Task Batch_returns_each_result_in_request_order_and_errors_per_item()
    {
        var dev0 = AnvilDevAccounts.Addresses[0];
        var results = await anvil.Rpc.BatchAsync(
        [
            new RpcRequest("eth_chainId", []),
            new RpcRequest("photon_noSuchMethod", []),
            new RpcRequest("eth_getBalance", [dev0, "earliest"]),
            new RpcRequest("eth_getBalance", ["not an address", "latest"]),
            new RpcRequest("eth_blockNumber", []),
        ]);

        Assert.Equal(5, results.Count);
        Assert.Equal("0x7a69", results[0].GetResult().GetString());
        Assert.False(results[1].IsSuccess);
        Assert.Equal(-32601, results[1].Error!.Code);
        Assert.Equal(-32601, Assert.Throws<JsonRpcException>(() => results[1].GetResult()).Code);
        Assert.Equal(AnvilDevAccounts.InitialBalanceWei, results[2].GetResult<UInt256>());
        Assert.Equal(-32602, results[3].Error!.Code);
        Assert.True(results[4].IsSuccess);
    }

    [Fact]
    public async Task Parameters_use_rpc_quantities_and_hex_data_not_the_rest_api_forms()
    {
        // UInt256 would be a decimal string and byte[] base64 under default JSON rules; the node
        // accepting them proves the RPC serializer writes 0x-quantities and 0x-data.
        var account = Address.Parse("0x00000000000000000000000000000000000beef1");
        var balance = UInt256.Parse("123456789012345678901234567890");
        byte[] code = [0x60, 0x2a, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3];

        await anvil.Rpc.CallAsync("anvil_setBalance", [account, balance]);
        await anvil.Rpc.CallAsync("anvil_setCode", [account, code]);

        Assert.Equal(balance, await anvil.Eth.GetBalanceAsync(account));
        Assert.Equal(code, await anvil.Eth.GetCodeAsync(account));
        Assert.Equal(code, await anvil.Rpc.CallAsync<byte[]>("eth_getCode", [account, "latest"]));
        Assert.Equal("0x7a69", JsonSerializer.Serialize((UInt256)31337, JsonRpcClient.SerializerOptions).Trim('"'));
    }

    [Fact]
    public async Task Node_accepts_memory_data_block_parameters_and_integers_passed_as_they_are()
    {
        // Each of these went out as base64, as an object, or as a JSON number before the RPC converters.
        ReadOnlyMemory<byte> initCode = Hex.Decode("602a60005260206000f3");
        await anvil.MineAsync(2);

        var output = await anvil.Rpc.CallAsync<byte[]>("eth_call", [new CallRequest { Data = initCode }, BlockParameter.Latest]);
        var direct = await anvil.Rpc.CallAsync<byte[]>("eth_call", [new { data = initCode }, (BlockParameter)1UL]);
        var balance = await anvil.Rpc.CallAsync<UInt256>("eth_getBalance", [AnvilDevAccounts.Addresses[3], (BlockParameter)0UL]);
        var history = await anvil.Rpc.CallAsync<JsonElement>("eth_feeHistory", [2UL, BlockParameter.Latest, new[] { 50.0 }]);
        var block = await anvil.Rpc.CallAsync<JsonElement>("eth_getBlockByNumber", [1UL, false]);

        Assert.Equal(EvmCode.Word(42), output);
        Assert.Equal(EvmCode.Word(42), direct);
        Assert.Equal(AnvilDevAccounts.InitialBalanceWei, balance);
        Assert.Equal(3, history.GetProperty("baseFeePerGas").GetArrayLength());
        Assert.Equal("0x1", block.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Concurrent_calls_on_one_client_all_get_their_own_answers()
    {
        var calls = AnvilDevAccounts.Addresses.Select(a => anvil.Eth.GetBalanceAsync(a, BlockParameter.Earliest)).ToArray();

        var balances = await Task.WhenAll(calls);

        Assert.All(balances, b => Assert.Equal(AnvilDevAccounts.InitialBalanceWei, b));
    }
}
