using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Abi;

public class AbiEventTests
{
    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly Address Bob = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    private static readonly AbiEvent Transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");

    [Fact]
    public void Knows_the_ERC20_Transfer_topic()
    {
        Assert.Equal("Transfer(address,address,uint256)", Transfer.Signature);
        Assert.Equal(Hash256.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"), Transfer.Topic0);
    }

    [Fact]
    public void Decodes_a_Transfer_log()
    {
        Hash256[] topics =
        [
            Transfer.Topic0,
            Hash256.Parse("0x0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),
            Hash256.Parse("0x000000000000000000000000fb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
        ];
        var data = Hex.Decode("0x00000000000000000000000000000000000000000000000000000000000003e8");
        var values = Transfer.Decode(topics, data);
        Assert.Equal(Alice, values["from"]);
        Assert.Equal(Bob, values["to"]);
        Assert.Equal(new UInt256(1000), values["value"]);

        var log = Transfer.Encode(Alice, Bob, 1000);
        Assert.Equal(topics, log.Topics);
        Assert.Equal(data, log.Data.ToArray());
    }

    [Fact]
    public void Yields_the_hash_for_indexed_strings_bytes_arrays_and_tuples()
    {
        var e = AbiEvent.Parse("event Named(string indexed name, bytes indexed blob, uint8[] indexed list, (bool, string) indexed pair) anonymous");
        object?[] values = ["photon", new byte[] { 1, 2 }, new[] { 1, 2 }, new object[] { true, "x" }];
        var log = e.Encode(values);
        Assert.Equal(Keccak256.Hash("photon"), log.Topics[0]);
        Assert.Equal(Keccak256.Hash([1, 2]), log.Topics[1]);
        // In-place encoding: each element padded to 32 bytes, no length.
        Assert.Equal(Keccak256.Hash(Hex.Decode(new string('0', 63) + "1" + new string('0', 63) + "2")), log.Topics[2]);
        Assert.Equal(Keccak256.Hash(Hex.Decode(new string('0', 63) + "1" + "78".PadRight(64, '0'))), log.Topics[3]);
        var decoded = e.Decode(log.Topics, log.Data.Span);
        Assert.Equal(log.Topics.Cast<object>(), decoded.ToArray());
    }

    [Fact]
    public void Decodes_anonymous_events_without_topic_0()
    {
        var e = AbiEvent.Parse("event Ping(uint256 indexed a, uint256 indexed b, uint256 indexed c, uint256 indexed d) anonymous");
        var log = e.Encode(1, 2, 3, 4);
        Assert.Equal(4, log.Topics.Count);
        Assert.Equal(new UInt256(4), e.Decode(log.Topics, log.Data.Span)["d"]);
    }

    [Fact]
    public void Refuses_logs_of_another_event_or_shape()
    {
        var approval = AbiEvent.Parse("event Approval(address indexed owner, address indexed spender, uint256 value)");
        var log = approval.Encode(Alice, Bob, 1);
        Assert.Equal(
            $"topic 0 {approval.Topic0} is not the topic of Transfer(address,address,uint256) ({Transfer.Topic0})",
            Assert.Throws<AbiException>(() => Transfer.Decode(log.Topics, log.Data.Span)).Message);
        Assert.Equal(
            "event Transfer(address,address,uint256) has 3 topics, the log has 2",
            Assert.Throws<AbiException>(() => Transfer.Decode(log.Topics.Take(2).ToList(), log.Data.Span)).Message);
        Assert.Equal(
            "data too short: uint256 needs 32 bytes of head at byte 0, only 0 remain",
            Assert.Throws<AbiException>(() => Transfer.Decode(Transfer.Encode(Alice, Bob, 1).Topics, [])).Message);
    }

    [Fact]
    public void Refuses_an_indexed_address_topic_with_high_bits()
    {
        var log = Transfer.Encode(Alice, Bob, 1);
        var bad = log.Topics.ToArray();
        bad[2] = Hash256.Parse("0x01000000000000000000000" + "0fb6916095ca1df60bb79ce92ce3ea74c37c5d359");
        var error = Assert.Throws<AbiException>(() => Transfer.Decode(bad, log.Data.Span));
        Assert.Equal("to", error.Path);
    }

    [Fact]
    public void Refuses_more_indexed_inputs_than_a_log_has_topics()
    {
        Assert.Equal("event E has 4 indexed inputs; at most 3 fit in a log",
            Assert.Throws<AbiException>(() => AbiEvent.Parse("event E(uint indexed a, uint indexed b, uint indexed c, uint indexed d)")).Message);
        Assert.Equal("event E has 5 indexed inputs; at most 4 fit in a log",
            Assert.Throws<AbiException>(() => AbiEvent.Parse("event E(uint indexed a, uint indexed b, uint indexed c, uint indexed d, uint indexed e) anonymous")).Message);
        Assert.True(AbiEvent.Parse("event E(uint indexed a, uint indexed b, uint indexed c, uint indexed d) anonymous").Anonymous);
    }

    [Fact]
    public void Refuses_a_word_after_the_parameters_other_than_anonymous() =>
        Assert.Equal("cannot parse 'event E(uint a) named' at character 16: unexpected 'named'",
            Assert.Throws<AbiException>(() => AbiEvent.Parse("event E(uint a) named")).Message);

    [Fact]
    public void Formats_itself_as_a_declaration_that_parses_back()
    {
        var e = AbiEvent.Parse("event Swap(address indexed sender, (uint8 kind, bytes data)[] legs) anonymous");
        Assert.Equal("event Swap(address indexed sender, (uint8,bytes)[] legs) anonymous", e.ToString());
        var again = AbiEvent.Parse(e.ToString());
        Assert.Equal(e.Signature, again.Signature);
        Assert.True(again.Anonymous);
        Assert.True(again.Inputs[0].Indexed);
    }
}
