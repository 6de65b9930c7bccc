using System.Numerics;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Relay.Crypto;

namespace Photon.Relay.Tests.Crypto;

public sealed class RecipientKeyTests
{
    [Fact]
    public void Accepts_the_public_key_of_the_address()
    {
        using var key = PrivateKey.Generate();

        var recipient = RecipientKey.Create(key.Address, key.PublicKey);

        Assert.Equal(key.Address, recipient.Address);
        Assert.Equal(key.PublicKey.ToArray(), recipient.PublicKey.ToArray());
    }

    [Fact]
    public void Refuses_the_public_key_of_another_address()
    {
        using var key = PrivateKey.Generate();
        using var other = PrivateKey.Generate();

        var refused = Assert.Throws<InvalidRecipientKeyException>(() => RecipientKey.Create(key.Address, other.PublicKey));

        Assert.Contains(other.Address.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(65)]
    public void Refuses_a_public_key_of_the_wrong_length(int length)
    {
        using var key = PrivateKey.Generate();
        var bytes = new byte[length];
        if (length == 65)
        {
            bytes[0] = 0x04;
            key.PublicKey.CopyTo(bytes.AsSpan(1));
        }

        Assert.False(RecipientKey.TryCreate(key.Address, bytes, out var recipient, out var problem));
        Assert.Null(recipient);
        Assert.Contains("64 bytes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_bytes_that_hash_to_the_address_but_are_not_a_curve_point()
    {
        var bytes = Enumerable.Repeat((byte)0x01, 64).ToArray();

        Assert.False(RecipientKey.TryCreate(Address.FromPublicKey(bytes), bytes, out _, out var problem));
        Assert.Contains("not a point", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_coordinate_at_or_above_the_field_prime()
    {
        // The curve point with the smallest x; (x + p, y) satisfies the equation modulo p too, but is no canonical encoding.
        var prime = (BigInteger.One << 256) - (BigInteger.One << 32) - 977;
        BigInteger x = 0, y;
        do
        {
            x++;
            var ySquared = (BigInteger.Pow(x, 3) + 7) % prime;
            y = BigInteger.ModPow(ySquared, (prime + 1) / 4, prime);
            if (BigInteger.ModPow(y, 2, prime) == ySquared)
                break;
        }
        while (true);
        var canonical = Point(x, y);
        var aliased = Point(x + prime, y);

        Assert.True(RecipientKey.TryCreate(Address.FromPublicKey(canonical), canonical, out _, out _));
        Assert.False(RecipientKey.TryCreate(Address.FromPublicKey(aliased), aliased, out _, out var problem));
        Assert.Contains("not a point", problem, StringComparison.Ordinal);
    }

    private static byte[] Point(BigInteger x, BigInteger y)
    {
        var bytes = new byte[64];
        Assert.True(x.TryWriteBytes(bytes.AsSpan(32 - x.GetByteCount(isUnsigned: true), x.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true));
        Assert.True(y.TryWriteBytes(bytes.AsSpan(64 - y.GetByteCount(isUnsigned: true), y.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true));
        return bytes;
    }
}
