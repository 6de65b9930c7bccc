using System.Text.Json;
using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>Parameters and typed results under <see cref="JsonRpcClient.SerializerOptions"/>: the forms nodes accept.</summary>
public sealed class RpcSerializationTests
{
    private static readonly JsonSerializerOptions Options = JsonRpcClient.SerializerOptions;

    [Fact]
    public void Bytes_are_0x_hex_whatever_holds_them()
    {
        byte[] bytes = [1, 2, 3];

        Assert.Equal("\"0x010203\"", JsonSerializer.Serialize(bytes, Options));
        Assert.Equal("\"0x010203\"", JsonSerializer.Serialize(new ReadOnlyMemory<byte>(bytes), Options));
        Assert.Equal("\"0x010203\"", JsonSerializer.Serialize(new Memory<byte>(bytes), Options));
        Assert.Equal("\"0x\"", JsonSerializer.Serialize(ReadOnlyMemory<byte>.Empty, Options));
    }

    [Fact]
    public void Integers_are_quantities()
    {
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize(16UL, Options));
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize(16L, Options));
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize(16, Options));
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize(16U, Options));
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize((ushort)16, Options));
        Assert.Equal("\"0x2\"", JsonSerializer.Serialize((byte)2, Options));
        Assert.Equal("\"0x0\"", JsonSerializer.Serialize(0UL, Options));
        Assert.Equal("\"0xffffffffffffffff\"", JsonSerializer.Serialize(ulong.MaxValue, Options));
        Assert.Equal("\"0x7fffffffffffffff\"", JsonSerializer.Serialize(long.MaxValue, Options));
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize((ulong?)16, Options));
        Assert.Equal("null", JsonSerializer.Serialize((ulong?)null, Options));
    }

    [Fact]
    public void Fractional_numbers_stay_json_numbers()
    {
        // eth_feeHistory takes its reward percentiles as numbers.
        Assert.Equal("[25,75.5]", JsonSerializer.Serialize(new[] { 25.0, 75.5 }, Options));
    }

    [Fact]
    public void Negative_integers_are_refused_with_an_argument_exception()
    {
        var error = Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(-1L, Options));

        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(int.MinValue, Options));
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize((sbyte)-1, Options));
    }

    [Fact]
    public void Block_parameters_are_their_rpc_strings()
    {
        Assert.Equal("\"0x10\"", JsonSerializer.Serialize((BlockParameter)16UL, Options));
        Assert.Equal("\"latest\"", JsonSerializer.Serialize(BlockParameter.Latest, Options));
        Assert.Equal("\"pending\"", JsonSerializer.Serialize(BlockParameter.Pending, Options));
        Assert.Equal("\"finalized\"", JsonSerializer.Serialize(BlockParameter.Finalized, Options));
        // The converter is the type's own: any serializer writes the RPC form.
        Assert.Equal("\"safe\"", JsonSerializer.Serialize(BlockParameter.Safe));
    }

    [Theory]
    [InlineData("\"0x10\"", 16UL, null)]
    [InlineData("\"0x0\"", 0UL, null)]
    [InlineData("\"latest\"", null, "latest")]
    [InlineData("\"earliest\"", null, "earliest")]
    [InlineData("\"pending\"", null, "pending")]
    public void Block_parameters_read_back_from_their_rpc_strings(string json, ulong? number, string? tag)
    {
        var block = JsonSerializer.Deserialize<BlockParameter>(json, Options);

        Assert.Equal(number, block.Number);
        Assert.Equal(tag, block.Tag);
        Assert.Equal(json, JsonSerializer.Serialize(block, Options));
    }

    [Theory]
    [InlineData("\"Latest\"")]
    [InlineData("\"16\"")]
    [InlineData("\"0x\"")]
    [InlineData("\"0x10000000000000000\"")]
    [InlineData("16")]
    public void Block_parameter_that_is_neither_tag_nor_quantity_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BlockParameter>(json, Options));
    }

    [Theory]
    [InlineData("\"0x10\"", 16UL)]
    [InlineData("16", 16UL)]
    [InlineData("\"0xffffffffffffffff\"", ulong.MaxValue)]
    public void Integers_read_from_quantities_and_json_numbers(string json, ulong expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize<ulong>(json, Options));
    }

    [Theory]
    [InlineData("\"0x10000000000000000\"")]
    [InlineData("\"16\"")]
    [InlineData("1.5")]
    [InlineData("-1")]
    public void Integers_that_do_not_fit_are_refused_on_reading(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ulong>(json, Options));
    }

    [Fact]
    public void Int_refuses_a_quantity_beyond_its_range()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<int>("\"0x80000000\"", Options));
        Assert.Equal(int.MaxValue, JsonSerializer.Deserialize<int>("\"0x7fffffff\"", Options));
    }

    [Fact]
    public void Memory_reads_back_from_hex()
    {
        Assert.Equal([1, 2], JsonSerializer.Deserialize<ReadOnlyMemory<byte>>("\"0x0102\"", Options).ToArray());
        Assert.Equal([1, 2], JsonSerializer.Deserialize<Memory<byte>>("\"0x0102\"", Options).ToArray());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReadOnlyMemory<byte>>("\"AQI=\"", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<byte[]>("\"0102\"", Options));
    }

    [Fact]
    public void Call_request_serialized_directly_has_hex_data_and_quantities()
    {
        var call = new CallRequest { Data = new byte[] { 1, 2, 3 }, Gas = 16, Nonce = 0 };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(call, Options));

        Assert.Equal("0x010203", json.RootElement.GetProperty("data").GetString());
        Assert.Equal("0x10", json.RootElement.GetProperty("gas").GetString());
        Assert.Equal("0x0", json.RootElement.GetProperty("nonce").GetString());
        // Unset fields are left out (as EthClient sends them), not written as null.
        Assert.False(json.RootElement.TryGetProperty("from", out _));
    }

    [Fact]
    public void Log_filter_serialized_directly_is_what_eth_getLogs_takes()
    {
        var filter = new LogFilter { FromBlock = BlockParameter.Earliest, Addresses = [Address.Parse("0x00000000000000000000000000000000000000aa")] };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(filter, Options));

        Assert.Equal("0x00000000000000000000000000000000000000aa", json.RootElement.GetProperty("address").GetString());
        Assert.Equal("earliest", json.RootElement.GetProperty("fromBlock").GetString());
        Assert.False(json.RootElement.TryGetProperty("addresses", out _));
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(new LogFilter { ToBlock = BlockParameter.Pending }, Options));
    }

    [Fact]
    public async Task Request_body_carries_each_parameter_in_its_rpc_form()
    {
        string? sent = null;
        await using var server = new LoopbackHttpServer((_, body) =>
        {
            sent = body;
            return LoopbackResponse.Json($$"""{"jsonrpc":"2.0","id":{{LoopbackHttpServer.IdOf(body)}},"result":null}""");
        });
        using var client = new JsonRpcClient(server.Url, new JsonRpcClientOptions { MaxAttempts = 1 });
        var account = Address.Parse("0x00000000000000000000000000000000000000c1");

        await client.CallAsync("m", [16UL, new ReadOnlyMemory<byte>([1, 2, 3]), (BlockParameter)16UL, BlockParameter.Pending, UInt256.Parse("255"), account, null, 0.5]);

        using var document = JsonDocument.Parse(sent!);
        Assert.Equal(
            $$"""["0x10","0x010203","0x10","pending","0xff","{{account}}",null,0.5]""",
            document.RootElement.GetProperty("params").GetRawText());
    }

    [Fact]
    public async Task Negative_parameter_fails_the_call_without_sending_it()
    {
        await using var server = new LoopbackHttpServer((_, _) => LoopbackResponse.Json("{}"));
        using var client = new JsonRpcClient(server.Url);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync("m", [-5]));
        Assert.Equal(0, server.RequestCount);
    }
}
