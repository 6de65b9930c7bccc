using System.Reflection;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

public class PrivateKeyTests
{
    private const string KeyHex = "0x4646464646464646464646464646464646464646464646464646464646464646";

    // EIP-155's example key; its address is well known.
    private static readonly Address KeyAddress = Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F");

    [Theory]
    [InlineData(KeyHex)]
    [InlineData("4646464646464646464646464646464646464646464646464646464646464646")]
    [InlineData("0X4646464646464646464646464646464646464646464646464646464646464646")]
    public void Parses_hex_with_or_without_prefix(string text)
    {
        using var key = PrivateKey.Parse(text);
        Assert.Equal(KeyAddress, key.Address);
        Assert.Equal(KeyHex, key.ToHex());
        Assert.Equal(Hex.Decode(KeyHex), key.ToBytes());
    }

    [Fact]
    public void Uppercase_hex_parses_to_the_same_key()
    {
        using var key = PrivateKey.Parse("0xABCDEFabcdef0123456789abcdef0123456789abcdef0123456789abcdef0123");
        Assert.Equal("0xabcdefabcdef0123456789abcdef0123456789abcdef0123456789abcdef0123", key.ToHex());
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0x46464646464646464646464646464646464646464646464646464646464646")]
    [InlineData("0x464646464646464646464646464646464646464646464646464646464646464646")]
    [InlineData("0x464646464646464646464646464646464646464646464646464646464646464g")]
    [InlineData("0x46464646464646464646464646464646464646464646464646464646464646 6")]
    [InlineData("")]
    public void Refuses_text_that_is_not_a_valid_key_without_echoing_it(string text)
    {
        var e = Assert.Throws<InvalidPrivateKeyException>(() => PrivateKey.Parse(text));
        Assert.IsAssignableFrom<FormatException>(e);
        if (text.Length > 8)
            Assert.DoesNotContain(text[4..^4], e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Refuses_bytes_of_the_wrong_length(int length)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)1);
        Assert.Throws<InvalidPrivateKeyException>(() => new PrivateKey(bytes));
    }

    [Fact]
    public void ToString_names_the_address_and_never_the_secret()
    {
        using var key = PrivateKey.Parse(KeyHex);
        var text = key.ToString();
        Assert.Equal($"PrivateKey({KeyAddress})", text);
        Assert.DoesNotContain("46464646", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_wipes_the_secret_and_later_use_throws()
    {
        var key = PrivateKey.Parse(KeyHex);
        var secret = (byte[])typeof(PrivateKey).GetField("_secret", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(key)!;
        Assert.Contains(secret, b => b != 0);
        key.Dispose();
        Assert.All(secret, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Hash256.Zero));
        Assert.Throws<ObjectDisposedException>(() => key.ToBytes());
        Assert.Throws<ObjectDisposedException>(() => key.ToHex());
        Assert.Throws<ObjectDisposedException>(() => key.SignMessage("x"u8));
        Assert.Equal(KeyAddress, key.Address);
        key.Dispose();
    }

    [Fact]
    public async Task Dispose_waits_for_a_use_of_the_secret_in_progress()
    {
        var key = PrivateKey.Generate();
        var expected = key.ToBytes();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // A use of the secret (as signing is) that holds it until released.
        var user = Task.Factory.StartNew(() => key.UseSecret(0, (secret, _) =>
        {
            entered.Set();
            release.Wait();
            return secret.ToArray();
        }), TaskCreationOptions.LongRunning);
        entered.Wait();

        var disposing = Task.Factory.StartNew(key.Dispose, TaskCreationOptions.LongRunning);
        // Without the lock Dispose would finish at once and wipe the key under the user's feet.
        Assert.NotSame(disposing, await Task.WhenAny(disposing, Task.Delay(300)));

        release.Set();
        Assert.Equal(expected, await user);
        await disposing;
        Assert.Throws<ObjectDisposedException>(() => key.Sign(Hash256.Zero));
    }

    [Fact]
    public void Generated_keys_are_valid_distinct_and_consistent()
    {
        var addresses = new HashSet<Address>();
        for (var i = 0; i < 20; i++)
        {
            using var key = PrivateKey.Generate();
            var bytes = key.ToBytes();
            Assert.True(Secp256k1.IsValidPrivateKey(bytes));
            Assert.Equal(Secp256k1.PublicKeyOf(bytes), key.PublicKey.ToArray());
            Assert.Equal(Address.FromPublicKey(key.PublicKey), key.Address);
            Assert.True(addresses.Add(key.Address));
        }
    }

    [Fact]
    public void Signatures_recover_to_the_key_address()
    {
        using var key = PrivateKey.Parse(KeyHex);
        var digest = Keccak256.Hash("digest"u8);
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(digest, key.Sign(digest)));
        Assert.Equal(key.Address, Eip191.RecoverMessageSigner("hello", key.SignMessage("hello")));
        Assert.Equal(key.Sign(Eip191.HashMessage("hello"u8)), key.SignMessage("hello"u8));
    }

    [Fact]
    public void Ecdh_through_keys_is_symmetric()
    {
        using var a = PrivateKey.Generate();
        using var b = PrivateKey.Generate();
        Assert.Equal(a.SharedSecretPoint(b.PublicKey), b.SharedSecretPoint(a.PublicKey));
    }
}
