using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class RpcParameterTests
{
    private static readonly Hash256 TopicA = Hash256.Parse("0x" + new string('a', 64));
    private static readonly Hash256 TopicB = Hash256.Parse("0x" + new string('b', 64));
    private static readonly Address Contract = Address.Parse("0x00000000000000000000000000000000000000c1");

    [Fact]
    public void Default_block_parameter_is_latest()
    {
        Assert.Equal("latest", default(BlockParameter).ToRpcString());
        Assert.Equal(BlockParameter.Latest, default);
    }

    [Fact]
    public void Block_numbers_are_hex_quantities()
    {
        Assert.Equal("0x0", ((BlockParameter)0UL).ToRpcString());
        Assert.Equal("0x1b4", BlockParameter.FromNumber(436).ToRpcString());
        Assert.Equal(436UL, ((BlockParameter)436UL).Number);
        Assert.Null(BlockParameter.Finalized.Number);
        Assert.Equal("finalized", BlockParameter.Finalized.Tag);
    }

    [Fact]
    public void Log_filter_writes_wildcards_and_alternatives_by_topic_position()
    {
        var filter = new LogFilter
        {
            FromBlock = 5UL,
            ToBlock = BlockParameter.Latest,
            Addresses = [Contract],
            Topics = [[TopicA], null, [TopicA, TopicB]],
        };

        var json = filter.ToRpcObject().ToJsonString();

        Assert.Equal(
            $$"""{"fromBlock":"0x5","toBlock":"latest","address":"{{Contract.ToLowerHex()}}","topics":["{{TopicA}}",null,["{{TopicA}}","{{TopicB}}"]]}""",
            json);
    }

    [Fact]
    public void Log_filter_with_several_addresses_writes_an_array()
    {
        var json = new LogFilter { Addresses = [Contract, Address.Zero] }.ToRpcObject().ToJsonString();

        Assert.Equal($$"""{"address":["{{Contract.ToLowerHex()}}","{{Address.Zero.ToLowerHex()}}"]}""", json);
    }

    [Fact]
    public void Log_filter_refuses_contradictions_and_pending_blocks()
    {
        Assert.Throws<ArgumentException>(() => new LogFilter { BlockHash = TopicA, FromBlock = 1UL }.ToRpcObject());
        Assert.Throws<ArgumentException>(() => new LogFilter { ToBlock = BlockParameter.Pending }.ToRpcObject());
        Assert.Throws<ArgumentException>(() => new LogFilter { Topics = [null, null, null, null, [TopicA]] }.ToRpcObject());
    }

    [Fact]
    public void Call_request_writes_only_the_fields_that_are_set_as_rpc_values()
    {
        var call = new CallRequest { To = Contract, Data = new byte[] { 0xde, 0xad }, Value = UInt256.Parse("1000000000000000000"), Gas = 21_000 };

        var json = call.ToRpcObject().ToJsonString();

        Assert.Equal($$"""{"to":"{{Contract.ToLowerHex()}}","data":"0xdead","value":"0xde0b6b3a7640000","gas":"0x5208"}""", json);
    }
}
