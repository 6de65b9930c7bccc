using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

public class AbiTypeTests
{
    [Theory]
    [InlineData("uint", "uint256")]
    [InlineData("int", "int256")]
    [InlineData("uint8", "uint8")]
    [InlineData("int248", "int248")]
    [InlineData("address", "address")]
    [InlineData("bool", "bool")]
    [InlineData("bytes1", "bytes1")]
    [InlineData("bytes32", "bytes32")]
    [InlineData("bytes", "bytes")]
    [InlineData("string", "string")]
    [InlineData("uint[]", "uint256[]")]
    [InlineData("uint256[2][]", "uint256[2][]")]
    [InlineData("tuple(uint,bytes)[2][]", "(uint256,bytes)[2][]")]
    [InlineData(" ( address to , uint amount ) [ ] ", "(address,uint256)[]")]
    [InlineData("((int8,(bool)[3]),string)", "((int8,(bool)[3]),string)")]
    [InlineData("tuple(tuple(uint8 a) inner, bytes b)", "((uint8),bytes)")]
    public void Parses_type_strings_into_their_canonical_form(string text, string canonical) =>
        Assert.Equal(canonical, AbiType.Parse(text).ToString());

    [Fact]
    public void Reads_array_suffixes_left_to_right_like_Solidity()
    {
        // uint256[2][] is a dynamic array whose elements are uint256[2].
        var type = Assert.IsType<AbiArrayType>(AbiType.Parse("uint256[2][]"));
        var element = Assert.IsType<AbiFixedArrayType>(type.Element);
        Assert.Equal(2, element.Length);
        Assert.Equal(AbiType.UInt256, element.Element);

        var other = Assert.IsType<AbiFixedArrayType>(AbiType.Parse("uint256[][3]"));
        Assert.Equal(3, other.Length);
        Assert.IsType<AbiArrayType>(other.Element);
    }

    [Fact]
    public void Keeps_component_names_but_leaves_them_out_of_equality()
    {
        var named = Assert.IsType<AbiTupleType>(AbiType.Parse("(address to, uint256 amount)"));
        Assert.Equal(["to", "amount"], named.Components.Select(c => c.Name));
        Assert.Equal(AbiType.Parse("(address,uint256)"), named);
        Assert.Equal(AbiType.Parse("(address,uint256)").GetHashCode(), named.GetHashCode());
        Assert.NotEqual(AbiType.Parse("(address,uint128)"), named);
    }

    [Theory]
    [InlineData("uint256", false, 32)]
    [InlineData("bytes32", false, 32)]
    [InlineData("string", true, 32)]
    [InlineData("uint8[3]", false, 96)]
    [InlineData("uint8[3][2]", false, 192)]
    [InlineData("(uint8,address,bytes7)", false, 96)]
    [InlineData("(uint8,bytes)", true, 32)]
    [InlineData("string[2]", true, 32)]
    [InlineData("uint8[]", true, 32)]
    [InlineData("((bool,bool)[2],int8)", false, 160)]
    public void Knows_which_types_are_dynamic_and_their_head_sizes(string text, bool dynamic, int headSize)
    {
        var type = AbiType.Parse(text);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
    }

    [Theory]
    [InlineData("", "expected a type")]
    [InlineData("uint7", "uint7 is not an ABI type: the width must be a multiple of 8 from 8 to 256")]
    [InlineData("uint0", "unknown type 'uint0'")]
    [InlineData("uint264", "uint264 is not an ABI type: the width must be a multiple of 8 from 8 to 256")]
    [InlineData("uint08", "unknown type 'uint08'")]
    [InlineData("int1024", "unknown type 'int1024'")]
    [InlineData("bytes0", "unknown type 'bytes0'")]
    [InlineData("bytes33", "bytes33 is not an ABI type: the size must be from 1 to 32")]
    [InlineData("bytes01", "unknown type 'bytes01'")]
    [InlineData("fixed128x18", "fixed-point type 'fixed128x18' is not supported")]
    [InlineData("ufixed", "fixed-point type 'ufixed' is not supported")]
    [InlineData("function", "the 'function' type is not supported")]
    [InlineData("uint256[", "expected ']' at the end")]
    [InlineData("uint256]", "unexpected ']'")]
    [InlineData("uint256[-1]", "expected ']', found '-'")]
    [InlineData("uint256[01]", "array length '01' has a leading zero")]
    [InlineData("uint256[0]", "uint256[0] is refused: fixed arrays need at least one element")]
    [InlineData("uint256[99999999999]", "array length 99999999999 is too large")]
    [InlineData("uint256[100000000]", "uint256[100000000] is too large: its encoding would take 3200000000 bytes")]
    [InlineData("(", "expected a type")]
    [InlineData("()", "() is refused: tuples need at least one component")]
    [InlineData("tuple", "'tuple' must be followed by its components in parentheses")]
    [InlineData("tuple[]", "'tuple' must be followed by its components in parentheses")]
    [InlineData("(uint256,)", "expected a type, found ')'")]
    [InlineData("(uint256 indexed x)", "'indexed' is only allowed on event parameters")]
    [InlineData("uint256 x", "unexpected 'x'")]
    [InlineData("Uint256", "unknown type 'Uint256'")]
    [InlineData("address payable", "unexpected 'p'")]
    [InlineData("foo", "unknown type 'foo'")]
    public void Refuses_malformed_or_unsupported_types_with_AbiException(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<AbiException>(() => AbiType.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Refuses_nesting_that_could_exhaust_the_stack()
    {
        var deep = new string('(', 5000) + "uint8" + new string(')', 5000);
        Assert.Throws<AbiException>(() => AbiType.Parse(deep));
        Assert.Throws<AbiException>(() => AbiType.Parse("uint8" + string.Concat(Enumerable.Repeat("[]", 100))));
        Assert.Equal("(((uint8)))", AbiType.Parse("(((uint8)))").ToString());
    }

    [Theory]
    [InlineData("(uint256,uint7)", "cannot parse '(uint256,uint7)' at character 9: uint7 is not an ABI type: the width must be a multiple of 8 from 8 to 256")]
    [InlineData("(uint256, foo)", "cannot parse '(uint256, foo)' at character 10: unknown type 'foo'")]
    [InlineData("bool[2] fixed128x18", "cannot parse 'bool[2] fixed128x18' at character 8: unexpected 'f'")]
    [InlineData("(fixed128x18)", "cannot parse '(fixed128x18)' at character 1: fixed-point type 'fixed128x18' is not supported (Solidity cannot use it either)")]
    [InlineData("function[]", "cannot parse 'function[]' at character 0: the 'function' type is not supported")]
    [InlineData("bytes40", "cannot parse 'bytes40' at character 0: bytes40 is not an ABI type: the size must be from 1 to 32")]
    [InlineData("uint8[", "cannot parse 'uint8[' at character 6: expected ']' at the end")]
    public void Explains_what_is_wrong_and_where(string text, string message) =>
        Assert.Equal(message, Assert.Throws<AbiException>(() => AbiType.Parse(text)).Message);

    public static TheoryData<string, Action, string> HostileTextCases => new()
    {
        { "type text", () => AbiType.Parse("uint8\u001b[31m"), "cannot parse 'uint8\\u001b[31m' at character 5: unexpected '\\u001b'" },
        { "type with a line break", () => AbiType.Parse("ui\nnt"), "cannot parse 'ui\\u000ant' at character 0: unknown type 'ui'" },
        { "function name", () => _ = new AbiFunction("f\u0007", []), "'f\\u0007' is not a valid function name" },
        { "value", () => AbiCodec.Encode([AbiType.UInt8], ["a\u001bb"]), "uint8 needs an unsigned integer (UInt256, ulong, uint, int, long, BigInteger, …), got String 'a\\u001bb'" },
        { "JSON member", () => AbiJson.ToValue(AbiType.Parse("(uint8 a)"), System.Text.Json.JsonDocument.Parse("{\"a\":1,\"b\\r\":2}").RootElement), "(uint8) has no member named 'b\\u000d' (members: a)" },
        { "fragment type", () => ContractAbi.Parse("[{\"type\":\"x\\u009b\"}]"), "unknown ABI fragment type 'x\\u009b'" },
        { "long value", () => AbiCodec.Encode([AbiType.Bool], [new string('z', 1000)]), $"bool needs a bool, got String '{new string('z', 57)}...'" },
    };

    [Theory]
    [MemberData(nameof(HostileTextCases))]
    public void Quotes_untrusted_text_in_messages_shortened_and_with_control_characters_escaped(string what, Action action, string expected)
    {
        var error = Assert.Throws<AbiException>(action);
        Assert.False(error.Message.Any(char.IsControl), $"{what}: {error.Message}");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_failure_without_throwing()
    {
        Assert.False(AbiType.TryParse("uint7", out var none));
        Assert.Null(none);
        Assert.True(AbiType.TryParse("bytes4[]", out var type));
        Assert.Equal("bytes4[]", type!.ToString());
    }

    [Fact]
    public void Factory_types_equal_parsed_ones()
    {
        Assert.Equal(AbiType.Parse("(uint16,int40,bytes5[])[2]"),
            AbiType.FixedArrayOf(AbiType.Tuple(AbiType.UInt(16), AbiType.Int(40), AbiType.ArrayOf(AbiType.FixedBytes(5))), 2));
        Assert.Throws<AbiException>(() => AbiType.UInt(12));
        Assert.Throws<AbiException>(() => AbiType.FixedBytes(40));
    }
}
