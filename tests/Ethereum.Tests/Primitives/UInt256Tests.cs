using System.Numerics;
using System.Text.Json;

namespace Photon.Ethereum.Tests.Primitives;

public class UInt256Tests
{
    private static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    [Fact]
    public void Arithmetic_agrees_with_BigInteger_on_random_operands()
    {
        var random = new Random(256);
        for (var i = 0; i < 5000; i++)
        {
            var a = RandomBig(random);
            var b = RandomBig(random);
            var x = UInt256.FromBigInteger(a);
            var y = UInt256.FromBigInteger(b);
            Check(a + b, () => x + y);
            Check(a - b, () => x - y);
            Check(a * b, () => x * y);
            if (!b.IsZero)
            {
                Assert.Equal(a / b, (x / y).ToBigInteger());
                Assert.Equal(a % b, (x % y).ToBigInteger());
            }
            Assert.Equal(a.CompareTo(b), x.CompareTo(y));
            Assert.Equal(a, UInt256.Parse(x.ToString()).ToBigInteger());
            Assert.Equal(x, UInt256.Parse(x.ToHexString()));
        }
    }

    [Fact]
    public void Overflow_and_underflow_throw_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => UInt256.MaxValue + UInt256.One);
        Assert.Throws<OverflowException>(() => UInt256.Zero - UInt256.One);
        Assert.Throws<OverflowException>(() => UInt256.MaxValue * new UInt256(2));
        Assert.Throws<DivideByZeroException>(() => UInt256.One / UInt256.Zero);
        Assert.Throws<OverflowException>(() => (ulong)(UInt256.MaxValue));
        Assert.Throws<OverflowException>(() => (UInt256)(-1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1e18")]
    [InlineData(" 1")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("0x10000000000000000000000000000000000000000000000000000000000000000")]
    public void Parse_refuses_anything_but_an_exact_integer_in_range(string text) =>
        Assert.Throws<FormatException>(() => UInt256.Parse(text));

    [Fact]
    public void Parses_the_extremes()
    {
        Assert.Equal(UInt256.MaxValue, UInt256.Parse("115792089237316195423570985008687907853269984665640564039457584007913129639935"));
        Assert.Equal(UInt256.MaxValue, UInt256.Parse("0x" + new string('f', 64)));
        Assert.Equal(UInt256.One, UInt256.Parse("0x0000000000000000000000000000000000000000000000000000000000000000000001"));
        Assert.Equal("0x0", UInt256.Zero.ToHexString());
        Assert.Equal("0x1a", new UInt256(26).ToHexString());
    }

    [Fact]
    public void Json_is_a_decimal_string()
    {
        var value = UInt256.Parse("1000000000000000000000");
        Assert.Equal("\"1000000000000000000000\"", JsonSerializer.Serialize(value));
        Assert.Equal(value, JsonSerializer.Deserialize<UInt256>("\"1000000000000000000000\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UInt256>("\"-5\""));
    }

    [Fact]
    public void Big_endian_round_trip_and_minimal_form()
    {
        var value = UInt256.Parse("0x0102");
        Assert.Equal(new byte[] { 1, 2 }, value.ToMinimalBigEndian());
        Assert.Empty(UInt256.Zero.ToMinimalBigEndian());
        Assert.Equal(value, UInt256.FromBigEndian(value.ToBigEndian()));
    }

    private static void Check(BigInteger expected, Func<UInt256> actual)
    {
        if (expected.Sign < 0 || expected > Max)
            Assert.Throws<OverflowException>(() => actual());
        else
            Assert.Equal(expected, actual().ToBigInteger());
    }

    private static BigInteger RandomBig(Random random)
    {
        // Mix widths so carries across every limb boundary and small values are both covered.
        var bytes = new byte[random.Next(0, 33)];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
