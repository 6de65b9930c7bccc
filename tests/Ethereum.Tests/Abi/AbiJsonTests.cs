using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

public class AbiJsonTests
{
    private static object? Read(string type, string json) =>
        AbiJson.ToValue(AbiType.Parse(type), JsonDocument.Parse(json).RootElement);

    [Theory]
    [InlineData("12", "12")]
    [InlineData("\"12\"", "12")]
    [InlineData("\"0x0c\"", "12")]
    [InlineData("\"0X0C\"", "12")]
    [InlineData("9007199254740991", "9007199254740991")]
    [InlineData("\"1000000000000000000\"", "1000000000000000000")]
    [InlineData("0", "0")]
    [InlineData("\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Reads_unsigned_integers_in_every_exact_notation(string json, string expected) =>
        Assert.Equal(UInt256.Parse(expected), Read("uint256", json));

    [Theory]
    [InlineData("-5", "-5")]
    [InlineData("\"-5\"", "-5")]
    [InlineData("\"-0x80\"", "-128")]
    [InlineData("-9007199254740991", "-9007199254740991")]
    public void Reads_signed_integers(string json, string expected) =>
        Assert.Equal(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read("int256", json));

    [Theory]
    [InlineData("uint256", "1.5")]
    [InlineData("uint256", "1e-1")]
    [InlineData("uint256", "-1")]
    [InlineData("uint8", "256")]
    [InlineData("int8", "\"-129\"")]
    [InlineData("uint256", "\"\"")]
    [InlineData("uint256", "\"0x\"")]
    [InlineData("uint256", "\"12abc\"")]
    [InlineData("uint256", "\"+5\"")]
    [InlineData("uint256", "\" 5\"")]
    [InlineData("uint256", "\"1.\"")]
    [InlineData("uint256", "1e100")]
    [InlineData("uint256", "1e18")]
    [InlineData("uint256", "\"1e18\"")]
    [InlineData("uint256", "9007199254740992")]
    [InlineData("int256", "-9007199254740992")]
    [InlineData("uint256", "true")]
    [InlineData("uint256", "null")]
    [InlineData("bool", "1")]
    [InlineData("bool", "\"true\"")]
    [InlineData("address", "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"")]
    [InlineData("address", "\"0x1234\"")]
    [InlineData("address", "42")]
    [InlineData("bytes", "\"1234\"")]
    [InlineData("bytes", "\"0x123\"")]
    [InlineData("bytes2", "\"0x123456\"")]
    [InlineData("string", "5")]
    [InlineData("uint8[2]", "[1]")]
    [InlineData("uint8[]", "{}")]
    [InlineData("(uint8,bool)", "[1]")]
    [InlineData("(uint8 a,bool b)", "{\"a\":1}")]
    [InlineData("(uint8 a,bool b)", "{\"a\":1,\"b\":true,\"c\":2}")]
    [InlineData("(uint8,bool)", "{\"a\":1,\"b\":true}")]
    public void Refuses_JSON_that_is_not_a_value_of_the_type(string type, string json) =>
        Assert.Throws<AbiException>(() => Read(type, json));

    [Fact]
    public void Reads_tuples_as_arrays_or_as_objects_by_component_name()
    {
        var byPosition = Read("(address to, uint96 amount, bytes memo)[]", """[["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "5", "0x01"]]""");
        var byName = Read("(address to, uint96 amount, bytes memo)[]", """[{"memo": "0x01", "amount": 5, "to": "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}]""");
        AbiAssert.Equal(byPosition, byName);
        AbiAssert.Equal(new object[] { new object[] { Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), new UInt256(5), new byte[] { 1 } } }, byName);
    }

    [Fact]
    public void Says_where_in_the_JSON_the_bad_value_is()
    {
        var types = AbiJson.ToTypes(JsonDocument.Parse("""["uint256","(address to,uint8 n)[]"]""").RootElement);
        var error = Assert.Throws<AbiException>(() =>
            AbiJson.ToValues(types, JsonDocument.Parse("""["1", [{"to":"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed","n":1},{"to":"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed","n":999}]]""").RootElement));
        Assert.Equal("[1][1].n", error.Path);
    }

    [Fact]
    public void Writes_amounts_as_decimal_strings_and_bytes_as_hex()
    {
        var types = new AbiType[] { AbiType.UInt256, AbiType.Int(8), AbiType.Address, AbiType.Bool, AbiType.FixedBytes(2), AbiType.Bytes, AbiType.String, AbiType.Parse("(uint8 a,string b)[]") };
        object?[] values = [UInt256.MaxValue, -3, Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), true, new byte[] { 0xab, 0xcd }, Array.Empty<byte>(), "ü", new[] { new object[] { 1, "x" } }];
        var json = AbiJson.ToJson(types, values);
        Assert.Equal(
            """["115792089237316195423570985008687907853269984665640564039457584007913129639935","-3","0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",true,"0xabcd","0x","\u00FC",[["1","x"]]]""",
            json.ToJsonString());
        Assert.Equal("""[{"a":"1","b":"x"}]""", AbiJson.ToJson(types[7], values[7], namedTuples: true)!.ToJsonString());
        // And it reads back to the canonical values.
        AbiAssert.Equal(AbiCodec.Decode(types, AbiCodec.Encode(types, values)), AbiJson.ToValues(types, JsonDocument.Parse(json.ToJsonString()).RootElement));
    }

    [Fact]
    public void Writes_decoded_values_by_parameter_name_with_topic_hashes_for_hashed_inputs()
    {
        var e = AbiEvent.Parse("event Note(string indexed topic, uint256 amount)");
        var log = e.Encode("hello", 5);
        var json = AbiJson.ToJson(e.Decode(log.Topics, log.Data.Span));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""{"topic":"{{log.Topics[1]}}","amount":"5"}"""), json));

        var unnamed = AbiFunction.Parse("f() returns (uint8, bool)");
        Assert.Equal("""["7",true]""", AbiJson.ToJson(unnamed.DecodeOutput(unnamed.EncodeOutput(7, true))).ToJsonString());
    }

    [Fact]
    public void Round_trips_random_values_through_JSON()
    {
        var random = new AbiRandom(4711);
        for (var i = 0; i < 300; i++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 4)).Select(_ => random.Type()).ToArray();
            var values = types.Select(random.Value).ToArray();
            var json = AbiJson.ToJson(types, values).ToJsonString();
            AbiAssert.Equal(values, AbiJson.ToValues(types, JsonDocument.Parse(json).RootElement), json);
        }
    }
}
