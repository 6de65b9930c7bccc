using System.Text;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

public class Eip191Tests
{
    [Theory]
    [InlineData("hello world", "0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68")]
    [InlineData("", "0x5f35dce98ba4fba25530a026ed80b2cecdaa31091ba4958b99b52ea1d068adad")]
    public void Hashes_known_messages(string message, string expected)
    {
        Assert.Equal(expected, Eip191.HashMessage(message).ToString());
        Assert.Equal(expected, Eip191.HashMessage(Encoding.UTF8.GetBytes(message)).ToString());
    }

    [Fact]
    public void Hashes_a_message_longer_than_the_stack_buffer()
    {
        // 1000 × 'a': the length has four digits and the framing does not fit the stack buffer.
        var message = Enumerable.Repeat((byte)'a', 1000).ToArray();
        Assert.Equal("0x646dfe80977f3cb244f566d96cd3aabb891d47b9ba5159076d78e9999835e0d6", Eip191.HashMessage(message).ToString());
    }

    [Fact]
    public void Hash_is_keccak_of_prefix_length_and_message_at_every_size()
    {
        var random = new Random(45);
        foreach (var length in new[] { 0, 1, 9, 10, 99, 100, 480, 486, 487, 511, 512, 513, 4096 })
        {
            var message = new byte[length];
            random.NextBytes(message);
            var framed = Encoding.ASCII.GetBytes($"\u0019Ethereum Signed Message:\n{length}").Concat(message).ToArray();
            Assert.Equal(Keccak256.Hash(framed), Eip191.HashMessage(message));
        }
    }

    [Fact]
    public void Recovers_the_signer_and_refuses_a_malleated_signature()
    {
        using var key = PrivateKey.Parse("0x0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        var message = "pay 5 tokens"u8.ToArray();
        var signature = key.SignMessage(message);
        Assert.Equal(key.Address, Eip191.RecoverMessageSigner(message, signature));
        Assert.NotEqual(key.Address, Eip191.RecoverMessageSigner("pay 6 tokens"u8, signature));
        var high = new Signature(signature.R, Signature.CurveOrder - signature.S, (byte)(55 - signature.V));
        Assert.Throws<InvalidSignatureException>(() => Eip191.RecoverMessageSigner(message, high));
    }
}
