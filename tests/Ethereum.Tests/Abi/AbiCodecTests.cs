using System.Numerics;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Abi;

public class AbiCodecTests
{
    private static string Word(string hex) => hex.PadLeft(64, '0');

    private static string EncodeOne(string type, object? value) =>
        Hex.Encode(AbiCodec.Encode([AbiType.Parse(type)], [value]), prefix: false);

    [Theory]
    [InlineData("int8", -1, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("int8", -128, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80")]
    [InlineData("int8", 127, "000000000000000000000000000000000000000000000000000000000000007f")]
    [InlineData("int16", -256, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff00")]
    [InlineData("uint8", 255, "00000000000000000000000000000000000000000000000000000000000000ff")]
    public void Encodes_integers_with_sign_extension(string type, long value, string expected)
    {
        Assert.Equal(expected, EncodeOne(type, value));
        var decoded = AbiCodec.Decode([AbiType.Parse(type)], Hex.Decode(expected))[0];
        Assert.Equal(value, type.StartsWith('u') ? (long)(ulong)(UInt256)decoded! : (long)(BigInteger)decoded!);
    }

    [Fact]
    public void Encodes_the_extremes_of_256_bit_integers()
    {
        var min = -(BigInteger.One << 255);
        Assert.Equal("8" + new string('0', 63), EncodeOne("int256", min));
        Assert.Equal("7" + new string('f', 63), EncodeOne("int256", (BigInteger.One << 255) - 1));
        Assert.Equal(new string('f', 64), EncodeOne("uint256", UInt256.MaxValue));
        Assert.Equal(min, AbiCodec.Decode([AbiType.Int256], Hex.Decode("8" + new string('0', 63)))[0]);
    }

    [Theory]
    [InlineData("uint8", "256")]
    [InlineData("uint8", "-1")]
    [InlineData("int8", "128")]
    [InlineData("int8", "-129")]
    [InlineData("uint256", "115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("int256", "57896044618658097711785492504343953926634992332820282564039457584007913129639936")]
    public void Refuses_integers_out_of_range(string type, string value) =>
        Assert.StartsWith($"{value} does not fit in {type}",
            Assert.Throws<AbiException>(() => EncodeOne(type, BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture))).Reason, StringComparison.Ordinal);

    [Fact]
    public void Accepts_every_dotnet_integer_type_for_integers()
    {
        object[] values = [(byte)7, (sbyte)7, (short)7, (ushort)7, 7, 7u, 7L, 7UL, new BigInteger(7), new UInt256(7)];
        foreach (var value in values)
        {
            Assert.Equal(Word("07"), EncodeOne("uint8", value));
            Assert.Equal(Word("07"), EncodeOne("int8", value));
        }
    }

    [Fact]
    public void Encodes_address_bool_and_fixed_bytes()
    {
        var address = Address.Parse("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826");
        Assert.Equal(Word("cd2a3d9f938e13cd947ec05abc7fe734df8dd826"), EncodeOne("address", address));
        Assert.Equal(Word("1"), EncodeOne("bool", true));
        Assert.Equal(Word("0"), EncodeOne("bool", false));
        Assert.Equal("ab".PadRight(64, '0'), EncodeOne("bytes1", new byte[] { 0xab }));
        var hash = Keccak256.Hash("x");
        Assert.Equal(hash.ToString()[2..], EncodeOne("bytes32", hash));
        Assert.Equal(hash.ToString()[2..], EncodeOne("bytes32", new ReadOnlyMemory<byte>(hash.ToArray())));
    }

    [Fact]
    public void Encodes_bytes_and_strings_with_length_and_zero_padding()
    {
        Assert.Equal(Word("20") + Word("0"), EncodeOne("bytes", Array.Empty<byte>()));
        Assert.Equal(Word("20") + Word("20") + new string('1', 64), EncodeOne("bytes", Enumerable.Repeat((byte)0x11, 32).ToArray()));
        Assert.Equal(Word("20") + Word("21") + new string('1', 66) + new string('0', 62), EncodeOne("bytes", Enumerable.Repeat((byte)0x11, 33).ToArray()));
        // "é" is two UTF-8 bytes.
        Assert.Equal(Word("20") + Word("2") + "c3a9".PadRight(64, '0'), EncodeOne("string", "é"));
        Assert.Equal("é", AbiCodec.Decode([AbiType.String], Hex.Decode(Word("20") + Word("2") + "c3a9".PadRight(64, '0')))[0]);
    }

    [Fact]
    public void Encodes_static_tuples_inline_and_dynamic_tuples_behind_an_offset()
    {
        Assert.Equal(Word("1") + Word("2") + Word("3"), Hex.Encode(AbiCodec.Encode([AbiType.Parse("(uint8,uint8)"), AbiType.UInt8], [new object[] { 1, 2 }, 3]), false));
        Assert.Equal(
            Word("40") + Word("3") + Word("1") + Word("40") + Word("1") + "ff".PadRight(64, '0'),
            Hex.Encode(AbiCodec.Encode([AbiType.Parse("(uint8,bytes)"), AbiType.UInt8], [new object[] { 1, new byte[] { 0xff } }, 3]), false));
    }

    [Fact]
    public void Accepts_lists_arrays_and_CSharp_tuples_for_compound_values()
    {
        var type = AbiType.Parse("(uint64,string)[]");
        var expected = AbiCodec.Encode([type], [new object[] { new object[] { 5UL, "a" } }]);
        Assert.Equal(expected, AbiCodec.Encode([type], [new List<object> { (5UL, "a") }]));
        Assert.Equal(expected, AbiCodec.Encode([type], [new[] { Tuple.Create(5, "a") }]));
        Assert.Equal(expected, AbiCodec.Encode([type], [Enumerable.Repeat(new object[] { 5, "a" }, 1)]));
    }

    /// <summary>A sequence that yields one more element each time it is read: 1, then 1 2, then 1 2 3, ….</summary>
    private sealed class Growing(Func<int, object> element) : System.Collections.IEnumerable
    {
        public int Reads { get; private set; }

        public System.Collections.IEnumerator GetEnumerator()
        {
            Reads++;
            return Enumerable.Range(1, Reads).Select(element).GetEnumerator();
        }
    }

    [Theory]
    [InlineData("uint8[]")]
    [InlineData("string[]")]
    [InlineData("uint8[1]")]
    [InlineData("bytes[1]")]
    [InlineData("(uint8)")]
    [InlineData("(string)")]
    public void Reads_each_sequence_once_so_a_lazy_sequence_cannot_change_between_sizing_and_writing(string typeText)
    {
        var type = AbiType.Parse(typeText);
        Func<int, object> element = type.ToString().Contains("string", StringComparison.Ordinal) ? i => new string('x', 40 * i)
            : type.ToString().Contains("bytes", StringComparison.Ordinal) ? i => new byte[40 * i]
            : i => i;
        var expected = AbiCodec.Encode([type, AbiType.String], [new[] { element(1) }, "after"]);
        var growing = new Growing(element);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(AbiCodec.Encode([type, AbiType.String], [growing, "after"])));
        Assert.Equal(1, growing.Reads);
    }

    [Fact]
    public void Reads_each_sequence_once_in_every_encoding()
    {
        var type = AbiType.Parse("uint16[]");
        var once = new object[] { 1 };
        var packed = new Growing(i => i);
        Assert.Equal(AbiPacked.Encode([type], [once]), AbiPacked.Encode([type], [packed]));
        var topic = new Growing(i => i);
        Assert.Equal(AbiEvent.EncodeTopic(type, once), AbiEvent.EncodeTopic(type, topic));
        var json = new Growing(i => i);
        Assert.Equal(AbiJson.ToJson(type, once)!.ToJsonString(), AbiJson.ToJson(type, json)!.ToJsonString());
        Assert.Equal([1, 1, 1], new[] { packed.Reads, topic.Reads, json.Reads });
    }

    [Fact]
    public void Encoding_does_not_change_the_callers_arrays()
    {
        var inner = new object?[] { 1, "x" };
        var outer = new object?[] { inner };
        AbiCodec.Encode([AbiType.Parse("(uint8,string)[]")], [outer]);
        Assert.Same(inner, outer[0]);
        Assert.Equal(new object?[] { 1, "x" }, inner);
    }

    [Fact]
    public void Round_trips_random_types_and_values()
    {
        var random = new AbiRandom(20240601);
        for (var i = 0; i < 500; i++)
        {
            var types = Enumerable.Range(0, random.Random.Next(1, 5)).Select(_ => random.Type()).ToArray();
            var values = types.Select(random.Value).ToArray();
            var encoded = AbiCodec.Encode(types, values);
            Assert.Equal(0, encoded.Length % 32);
            var decoded = AbiCodec.Decode(types, encoded);
            AbiAssert.Equal(values, decoded, string.Join(",", types.Select(t => t.ToString())));
            // Canonical: decoding and re-encoding gives the same bytes.
            Assert.Equal(encoded, AbiCodec.Encode(types, decoded));
        }
    }

    private const string UnsignedKinds = "an unsigned integer (UInt256, ulong, uint, int, long, BigInteger, …)";

    [Theory]
    [InlineData("address", "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", "address needs an Address, got String '0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826'")]
    [InlineData("bool", 1, "bool needs a bool, got Int32 '1'")]
    [InlineData("uint256", "12", $"uint256 needs {UnsignedKinds}, got String '12'")]
    [InlineData("uint256", 1.5, $"uint256 needs {UnsignedKinds}, got Double '1.5'")]
    [InlineData("uint256", null, $"uint256 needs {UnsignedKinds}, got null")]
    [InlineData("int8", "1", "int8 needs an integer (BigInteger, long, int, UInt256, …), got String '1'")]
    [InlineData("string", 5, "string needs a string, got Int32 '5'")]
    [InlineData("bytes", "0x12", "bytes needs a byte[], got String '0x12'")]
    [InlineData("bytes32", "0x12", "bytes32 needs a byte[] (or a Hash256), got String '0x12'")]
    [InlineData("uint8[]", 5, "uint8[] needs a list or array of values, got Int32 '5'")]
    [InlineData("uint8[]", "abc", "uint8[] needs a list or array of values, got String 'abc'")]
    public void Refuses_values_of_the_wrong_kind(string type, object? value, string reason) =>
        Assert.Equal(reason, Assert.Throws<AbiException>(() => EncodeOne(type, value)).Reason);

    [Fact]
    public void Refuses_fixed_bytes_of_the_wrong_length_and_lists_of_the_wrong_count()
    {
        Assert.Equal("bytes4 needs exactly 4 bytes, got 3", Assert.Throws<AbiException>(() => EncodeOne("bytes4", new byte[3])).Reason);
        Assert.Equal("bytes4 needs exactly 4 bytes, got 5", Assert.Throws<AbiException>(() => EncodeOne("bytes4", new byte[5])).Reason);
        Assert.StartsWith("bytes31 needs a byte[], got Hash256 '0x000", Assert.Throws<AbiException>(() => EncodeOne("bytes31", Hash256.Zero)).Reason, StringComparison.Ordinal);
        Assert.Equal("uint8[2] needs 2 values, got 1", Assert.Throws<AbiException>(() => EncodeOne("uint8[2]", new[] { 1 })).Reason);
        Assert.Equal("(uint8,bool) needs 2 values, got 1", Assert.Throws<AbiException>(() => EncodeOne("(uint8,bool)", new object[] { 1 })).Reason);
        Assert.Equal("(uint8,bool) needs 2 values, got 3", Assert.Throws<AbiException>(() => EncodeOne("(uint8,bool)", (1, true, 3))).Reason);
        Assert.Equal("expected 1 values, got 0", Assert.Throws<AbiException>(() => AbiCodec.Encode([AbiType.UInt8], [])).Message);
    }

    [Fact]
    public void Refuses_strings_without_a_UTF8_form() =>
        Assert.Equal("string holds a lone surrogate and has no UTF-8 form", Assert.Throws<AbiException>(() => EncodeOne("string", "bad \ud800 surrogate")).Reason);

    [Fact]
    public void Says_where_in_a_nested_value_the_problem_is()
    {
        var function = AbiFunction.Parse("function pay((address to, uint8 amount)[] orders)");
        var error = Assert.Throws<AbiException>(() => function.EncodeCall([new object[]
        {
            new object[] { Address.Zero, 1 },
            new object[] { Address.Zero, 300 },
        }]));
        Assert.Equal("orders[1].amount", error.Path);
        Assert.Contains("300 does not fit in uint8", error.Message, StringComparison.Ordinal);
        Assert.Contains("(at orders[1].amount)", error.Message, StringComparison.Ordinal);
    }
}
