using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

public class AbiErrorTests
{
    [Fact]
    public void Decodes_a_require_revert_reason()
    {
        // What a node returns for `require(false, "Not enough Ether provided.")`.
        var data = Hex.Decode(
            "0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");
        Assert.True(AbiError.ErrorString.Matches(data));
        Assert.Equal("Not enough Ether provided.", AbiError.ErrorString.Decode(data)["message"]);
        Assert.Equal(data, AbiError.ErrorString.Encode("Not enough Ether provided."));
    }

    [Fact]
    public void Knows_the_builtin_selectors()
    {
        Assert.Equal("0x08c379a0", AbiError.ErrorString.SelectorHex);
        Assert.Equal("0x4e487b71", AbiError.Panic.SelectorHex);
        Assert.Equal(new UInt256(0x11), AbiError.Panic.Decode(AbiError.Panic.Encode(0x11))["code"]);
    }

    [Fact]
    public void Encodes_and_decodes_custom_errors()
    {
        var error = AbiError.Parse("error InsufficientBalance(uint256 available, uint256 required)");
        Assert.Equal("InsufficientBalance(uint256,uint256)", error.Signature);
        Assert.Equal("0xcf479181", error.SelectorHex);
        var values = error.Decode(error.Encode(5, 10));
        Assert.Equal(new UInt256(10), values["required"]);
        Assert.Equal("revert data does not start with the selector 0xcf479181 of InsufficientBalance(uint256,uint256)",
            Assert.Throws<AbiException>(() => error.Decode(AbiError.Panic.Encode(1))).Message);
        Assert.False(error.Matches([0xcf, 0x47]));
    }
}
