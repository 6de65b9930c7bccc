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
    [InlineData("uint256", "1.5", "uint256: '1.5' is not an integer: use digits only")]
    [InlineData("uint256", "1e-1", "uint256: '1e-1' is not an integer")]
    [InlineData("uint256", "-1", "uint256: '-1' is negative; a non-negative integer is needed")]
    [InlineData("uint8", "256", "256 does not fit in uint8")]
    [InlineData("int8", "\"-129\"", "-129 does not fit in int8 (range -2^7 to 2^7 - 1)")]
    [InlineData("uint256", "\"\"", "uint256: '' is not an integer")]
    [InlineData("uint256", "\"0x\"", "uint256: '0x' is not a hex integer")]
    [InlineData("uint256", "\"12abc\"", "uint256: '12abc' is not an integer")]
    [InlineData("uint256", "\"+5\"", "uint256: '+5' is not an integer")]
    [InlineData("uint256", "\" 5\"", "uint256: ' 5' is not an integer")]
    [InlineData("uint256", "\"1.\"", "uint256: '1.' is not an integer")]
    [InlineData("uint256", "1e100", "uint256: '1e100' is not an integer")]
    [InlineData("uint256", "1e18", "uint256: '1e18' is not an integer")]
    [InlineData("uint256", "\"1e18\"", "uint256: '1e18' is not an integer")]
    [InlineData("uint256", "9007199254740992", "uint256: the JSON number 9007199254740992 is beyond 2^53 - 1")]
    [InlineData("int256", "-9007199254740992", "int256: the JSON number -9007199254740992 is beyond 2^53 - 1")]
    [InlineData("uint256", "true", "uint256: expected an integer (a JSON number or a decimal or 0x-hex string), got true")]
    [InlineData("uint256", "null", "uint256: expected an integer (a JSON number or a decimal or 0x-hex string), got null")]
    [InlineData("bool", "1", "bool needs true or false, got the number 1")]
    [InlineData("bool", "\"true\"", "bool needs true or false, got 'true'")]
    [InlineData("address", "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"", "has a wrong EIP-55 checksum")]
    [InlineData("address", "\"0x1234\"", "'0x1234' is not an address: expected 20 bytes of hex, got 2")]
    [InlineData("address", "42", "address needs a JSON string, got the number 42")]
    [InlineData("bytes", "\"1234\"", "bytes: expected 0x-prefixed hex, got '1234'")]
    [InlineData("bytes", "\"0x123\"", "bytes: hex text has an odd number of digits (3)")]
    [InlineData("bytes2", "\"0x123456\"", "bytes2 needs exactly 2 bytes, got 3")]
    [InlineData("string", "5", "string needs a JSON string, got the number 5")]
    [InlineData("uint8[2]", "[1]", "uint8[2] needs 2 values, got 1")]
    [InlineData("uint8[]", "{}", "uint8[] needs a JSON array, got an object")]
    [InlineData("(uint8,bool)", "[1]", "(uint8,bool) needs 2 values, got 1")]
    [InlineData("(uint8 a,bool b)", "{\"a\":1}", "(uint8,bool) is missing b")]
    [InlineData("(uint8 a,bool b)", "{\"a\":1,\"b\":true,\"c\":2}", "(uint8,bool) has no member named 'c' (members: a, b)")]
    [InlineData("(uint8,bool)", "{\"a\":1,\"b\":true}", "(uint8,bool) can be a JSON object only when every member has a distinct name")]
    public void Refuses_JSON_that_is_not_a_value_of_the_type(string type, string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<AbiException>(() => Read(type, json)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("string", "\"a\\ud800b\"")]
    [InlineData("address", "\"\\udc00\"")]
    [InlineData("bytes", "\"0x\\ud800\"")]
    [InlineData("bytes1", "\"\\ud800\"")]
    [InlineData("uint256", "\"1\\ud800\"")]
    [InlineData("string[]", "[\"ok\", \"\\ud800\"]")]
    public void Refuses_strings_holding_a_lone_surrogate_with_AbiException(string type, string json)
    {
        var error = Assert.Throws<AbiException>(() => Read(type, json));
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_lone_surrogate_where_another_kind_is_expected_without_crashing_on_the_message()
    {
        var error = Assert.Throws<AbiException>(() => Read("bool", "\"\\ud800\""));
        Assert.Equal("bool needs true or false, got a string", error.Message);
    }

    [Fact]
    public void Refuses_a_type_string_holding_a_lone_surrogate()
    {
        var error = Assert.Throws<AbiException>(() => AbiJson.ToTypes(JsonDocument.Parse("""["uint8", "\ud800"]""").RootElement));
        Assert.Contains("an ABI type: the string is not valid text (it holds a lone surrogate)", error.Message, StringComparison.Ordinal);
        Assert.Equal("[1]", error.Path);
    }

    [Fact]
    public void Refuses_a_tuple_member_name_holding_a_lone_surrogate()
    {
        var error = Assert.Throws<AbiException>(() => Read("(uint8 a,bool b)", """{"a": 1, "\ud800": true}"""));
        Assert.Contains("member name that is not valid text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a": 1, "a": 2}""", "'a'")]
    [InlineData("""{"a": 1, "b": true, "a": 2}""", "'a'")]
    [InlineData("""{"b": true, "a": 1, "b": false}""", "'b'")]
    [InlineData("""{"a": 1, "\u0061": 2}""", "'a'")]
    public void Refuses_a_tuple_object_that_gives_a_member_twice(string json, string member)
    {
        // JsonDocument keeps duplicate keys by default: an element from a caller's own document can hold them.
        var error = Assert.Throws<AbiException>(() => Read("(uint8 a,bool b)", json));
        Assert.Equal($"(uint8,bool): {member} is given twice", error.Message);
        var nested = Assert.Throws<AbiException>(() =>
            AbiJson.ToValues([AbiType.Parse("(uint8 a,bool b)[]")], JsonDocument.Parse($"[[{json}]]").RootElement));
        Assert.Equal("[0][0]", nested.Path);
    }

    [Fact]
    public void Refuses_values_given_twice_by_parameter_name()
    {
        var transfer = AbiFunction.Parse("transfer(address to, uint256 amount)");
        var json = JsonDocument.Parse("""{"to": "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "amount": 1, "amount": 2}""").RootElement;
        Assert.Equal("values: 'amount' is given twice", Assert.Throws<AbiException>(() => AbiJson.ToValues(transfer.Inputs, json)).Message);
        var once = JsonDocument.Parse("""{"to": "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "amount": 2}""").RootElement;
        AbiAssert.Equal(new object?[] { Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), new UInt256(2) }, AbiJson.ToValues(transfer.Inputs, once));
    }

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
