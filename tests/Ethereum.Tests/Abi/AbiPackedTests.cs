using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

public class AbiPackedTests
{
    private static string Pack(string[] types, params object?[] values) =>
        Hex.Encode(AbiPacked.Encode([.. types.Select(AbiType.Parse)], values));

    [Fact]
    public void Uses_natural_widths_for_elementary_values()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        Assert.Equal("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed" + "01" + "ff" + "0001" + "abcd",
            Pack(["address", "bool", "int8", "uint16", "bytes2"], address, true, -1, 1, new byte[] { 0xab, 0xcd }));
    }

    [Fact]
    public void Pads_array_elements_to_32_bytes_without_a_length()
    {
        Assert.Equal("0x" + "1".PadLeft(64, '0') + "2".PadLeft(64, '0'), Pack(["uint8[]"], new[] { 1, 2 }));
        // Inside arrays, signed integers are sign-extended and bytesN right-padded, as in the standard encoding.
        Assert.Equal("0x" + new string('f', 64) + "ab".PadRight(64, '0'), Pack(["int8[1]", "bytes1[1]"], new[] { -1 }, new[] { new byte[] { 0xab } }));
        Assert.Equal("0x", Pack(["address[]"], Array.Empty<Address>()));
    }

    [Fact]
    public void Concatenates_strings_and_bytes_raw()
    {
        Assert.Equal("0x616263" + "0102", Pack(["string", "bytes"], "abc", new byte[] { 1, 2 }));
        Assert.Equal(Pack(["string", "string"], "a", "bc"), Pack(["string", "string"], "ab", "c"));
    }

    [Theory]
    [InlineData("(uint8,bool)", "Solidity cannot pack structs")]
    [InlineData("uint8[][]", "only arrays of elementary types can be packed")]
    [InlineData("string[]", "only arrays of elementary types can be packed")]
    [InlineData("(uint8)[2]", "only arrays of elementary types can be packed")]
    public void Refuses_what_Solidity_cannot_pack(string type, string reason) =>
        Assert.Equal($"packed encoding of {type} is not supported: {reason}",
            Assert.Throws<AbiException>(() => AbiPacked.Encode([AbiType.Parse(type)], [new object[] { 1, true }])).Reason);

    [Fact]
    public void Checks_value_ranges_and_counts()
    {
        Assert.Equal("256 does not fit in uint8 (at [0])", Assert.Throws<AbiException>(() => Pack(["uint8"], 256)).Message);
        Assert.Equal("256 does not fit in uint8 (at [0][1])", Assert.Throws<AbiException>(() => Pack(["uint8[]"], new[] { 1, 256 })).Message);
        Assert.Equal("uint8[2] needs 2 values, got 1 (at [0])", Assert.Throws<AbiException>(() => Pack(["uint8[2]"], new[] { 1 })).Message);
        Assert.Equal("expected 2 values, got 1", Assert.Throws<AbiException>(() => Pack(["uint8", "uint8"], 1)).Message);
    }
}
