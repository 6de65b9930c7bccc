namespace Photon.Ethereum.Tests.Primitives;

public class AddressTests
{
    // The examples of EIP-55 itself.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    public void Formats_the_EIP55_checksum(string expected)
    {
        var address = Address.Parse(expected.ToLowerInvariant());
        Assert.Equal(expected, address.ToString());
        Assert.Equal(address, Address.Parse(expected));
    }

    [Fact]
    public void Rejects_a_mixed_case_address_with_a_wrong_checksum()
    {
        var e = Assert.Throws<AddressChecksumException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        Assert.Contains("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", e.Message);
    }

    [Fact]
    public void Accepts_all_uppercase_digits_without_a_checksum() =>
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Address.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").ToString());

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedaa")]
    [InlineData("0xXaAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void Rejects_malformed_addresses(string text) =>
        Assert.Throws<HexFormatException>(() => Address.Parse(text));

    [Fact]
    public void Orders_like_unsigned_integers()
    {
        var low = Address.Parse("0x00000000000000000000000000000000000000ff");
        var high = Address.Parse("0x0100000000000000000000000000000000000000");
        Assert.True(low < high);
        Assert.True(Address.Zero < low);
    }
}
