using System.Text;
using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>The worked examples of the Solidity ABI specification (docs/abi-spec.rst), with their published encodings.</summary>
public class AbiSpecExampleTests
{
    [Fact]
    public void Encodes_baz_uint32_bool()
    {
        var baz = AbiFunction.Parse("function baz(uint32 x, bool y) returns (bool r)");
        Assert.Equal("baz(uint32,bool)", baz.Signature);
        Assert.Equal("0xcdcd77c0", baz.SelectorHex);
        var call = baz.EncodeCall(69u, true);
        Assert.Equal(
            "0xcdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001",
            Hex.Encode(call));
        var input = baz.DecodeInput(call);
        Assert.Equal(new UInt256(69), input["x"]);
        Assert.Equal(true, input["y"]);
        Assert.Equal(false, baz.DecodeOutput(new byte[32])["r"]);
    }

    [Fact]
    public void Encodes_bar_bytes3_2()
    {
        var bar = AbiFunction.Parse("bar(bytes3[2])");
        Assert.Equal("0xfce353f6", bar.SelectorHex);
        var call = bar.EncodeCall([new object[] { "abc"u8.ToArray(), "def"u8.ToArray() }]);
        Assert.Equal(
            "0xfce353f6"
            + "6162630000000000000000000000000000000000000000000000000000000000"
            + "6465660000000000000000000000000000000000000000000000000000000000",
            Hex.Encode(call));
        AbiAssert.Equal(new object[] { "abc"u8.ToArray(), "def"u8.ToArray() }, bar.DecodeInput(call)[0]);
    }

    [Fact]
    public void Encodes_sam_bytes_bool_uint256_array()
    {
        var sam = AbiFunction.Parse("sam(bytes,bool,uint[])");
        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        Assert.Equal("0xa5643bf2", sam.SelectorHex);
        var call = sam.EncodeCall("dave"u8.ToArray(), true, new ulong[] { 1, 2, 3 });
        Assert.Equal(
            "0xa5643bf2"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6461766500000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000003",
            Hex.Encode(call));
        var decoded = sam.DecodeInput(call);
        AbiAssert.Equal(new object?[] { "dave"u8.ToArray(), true, new object[] { new UInt256(1), new UInt256(2), new UInt256(3) } }, decoded.ToArray());
    }

    [Fact]
    public void Encodes_f_uint256_uint32_array_bytes10_bytes()
    {
        var f = AbiFunction.Parse("f(uint,uint32[],bytes10,bytes)");
        Assert.Equal("0x8be65246", f.SelectorHex);
        var call = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), Encoding.ASCII.GetBytes("Hello, world!"));
        Assert.Equal(
            "0x8be65246"
            + "0000000000000000000000000000000000000000000000000000000000000123"
            + "0000000000000000000000000000000000000000000000000000000000000080"
            + "3132333435363738393000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000456"
            + "0000000000000000000000000000000000000000000000000000000000000789"
            + "000000000000000000000000000000000000000000000000000000000000000d"
            + "48656c6c6f2c20776f726c642100000000000000000000000000000000000000",
            Hex.Encode(call));
        Assert.Equal("Hello, world!", Encoding.ASCII.GetString((byte[])f.DecodeInput(call)[3]!));
    }

    [Fact]
    public void Encodes_g_nested_dynamic_arrays_and_string_array()
    {
        var g = AbiFunction.Parse("g(uint[][],string[])");
        Assert.Equal("0x2289b18c", g.SelectorHex);
        object[] numbers = [new[] { 1, 2 }, new[] { 3 }];
        var call = g.EncodeCall(numbers, new[] { "one", "two", "three" });
        Assert.Equal(
            "0x2289b18c"
            + "0000000000000000000000000000000000000000000000000000000000000040"
            + "0000000000000000000000000000000000000000000000000000000000000140"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000040"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000002"
            + "0000000000000000000000000000000000000000000000000000000000000001"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "0000000000000000000000000000000000000000000000000000000000000060"
            + "00000000000000000000000000000000000000000000000000000000000000a0"
            + "00000000000000000000000000000000000000000000000000000000000000e0"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "6f6e650000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "74776f0000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000005"
            + "7468726565000000000000000000000000000000000000000000000000000000",
            Hex.Encode(call));
        var decoded = g.DecodeInput(call);
        AbiAssert.Equal(
            new object?[]
            {
                new object[] { new object[] { new UInt256(1), new UInt256(2) }, new object[] { new UInt256(3) } },
                new object[] { "one", "two", "three" },
            },
            decoded.ToArray());
    }

    [Fact]
    public void Packs_the_encodePacked_example()
    {
        var packed = AbiPacked.Encode(
            [AbiType.Int(16), AbiType.FixedBytes(1), AbiType.UInt(16), AbiType.String],
            [-1, new byte[] { 0x42 }, 3, "Hello, world!"]);
        Assert.Equal("0xffff42000348656c6c6f2c20776f726c6421", Hex.Encode(packed));
    }
}
