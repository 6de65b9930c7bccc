using Google.Protobuf;
using Photon.Ethereum;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Wire;

public sealed class WireValuesTests
{
    [Fact]
    public void Amounts_travel_as_minimal_big_endian_bytes_and_zero_as_nothing()
    {
        Assert.Empty(WireValues.Encode(UInt256.Zero).ToByteArray());
        Assert.Equal(new byte[] { 0x01, 0x00 }, WireValues.Encode(new UInt256(256)).ToByteArray());
        Assert.Equal(UInt256.MaxValue, WireValues.ReadUInt256(WireValues.Encode(UInt256.MaxValue), "amount"));
        Assert.Equal(UInt256.Zero, WireValues.ReadUInt256(ByteString.Empty, "amount"));
    }

    [Fact]
    public void Refuses_amounts_with_leading_zeros_or_more_than_32_bytes()
    {
        var leadingZero = Assert.Throws<InvalidMessageException>(() => WireValues.ReadUInt256(ByteString.CopyFrom(0, 1), "transferred_amount"));
        Assert.Contains("transferred_amount", leadingZero.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidMessageException>(() => WireValues.ReadUInt256(ByteString.CopyFrom(new byte[33]), "amount"));
    }

    [Fact]
    public void Addresses_hashes_and_signatures_need_their_exact_length()
    {
        Assert.Throws<InvalidMessageException>(() => WireValues.ReadAddress(ByteString.CopyFrom(new byte[19]), "target"));
        Assert.Throws<InvalidMessageException>(() => WireValues.ReadAddress(ByteString.Empty, "target"));
        Assert.Throws<InvalidMessageException>(() => WireValues.ReadHash(ByteString.CopyFrom(new byte[31]), "locksroot"));
        Assert.Throws<InvalidMessageException>(() => WireValues.ReadSignature(ByteString.CopyFrom(new byte[64]), "signature"));
        var address = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        Assert.Equal(address, WireValues.ReadAddress(WireValues.Encode(address), "target"));
    }
}
