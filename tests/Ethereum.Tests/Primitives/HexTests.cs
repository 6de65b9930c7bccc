namespace Photon.Ethereum.Tests.Primitives;

public class HexTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("0x00ff", new byte[] { 0, 255 })]
    [InlineData("00FF", new byte[] { 0, 255 })]
    [InlineData("0XaB", new byte[] { 0xab })]
    public void Decodes_with_or_without_prefix_in_any_case(string text, byte[] expected) =>
        Assert.Equal(expected, Hex.Decode(text));

    [Theory]
    [InlineData("0x0")]
    [InlineData("0xzz")]
    [InlineData("0x 1")]
    [InlineData("0x12g4")]
    public void Rejects_malformed_hex_with_a_typed_error(string text) =>
        Assert.Throws<HexFormatException>(() => Hex.Decode(text));

    [Fact]
    public void Rejects_hex_of_the_wrong_length_when_a_length_is_required() =>
        Assert.Throws<HexFormatException>(() => Hex.Decode("0x0102", 3));

    [Fact]
    public void Encodes_lowercase_with_prefix() =>
        Assert.Equal("0x00abff", Hex.Encode([0x00, 0xab, 0xff]));
}
