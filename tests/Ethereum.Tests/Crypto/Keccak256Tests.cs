using System.Text;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

public class Keccak256Tests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Hashes_known_inputs(string input, string expected) =>
        Assert.Equal(expected, Keccak256.Hash(Encoding.UTF8.GetBytes(input)).ToString());

    [Fact]
    public void Incremental_hashing_equals_one_shot_across_block_boundaries()
    {
        var random = new Random(1600);
        foreach (var length in new[] { 0, 1, 135, 136, 137, 271, 272, 273, 1000, 5000 })
        {
            var data = new byte[length];
            random.NextBytes(data);
            var hasher = new Keccak256();
            var offset = 0;
            while (offset < length)
            {
                var chunk = Math.Min(random.Next(1, 200), length - offset);
                hasher.Append(data.AsSpan(offset, chunk));
                offset += chunk;
            }
            Assert.Equal(Keccak256.Hash(data), hasher.Finish());
        }
    }

    [Fact]
    public void Agrees_with_BouncyCastle_on_random_lengths()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var data = new byte[random.Next(0, 700)];
            random.NextBytes(data);
            var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
            digest.BlockUpdate(data, 0, data.Length);
            var expected = new byte[32];
            digest.DoFinal(expected, 0);
            Assert.Equal(expected, Keccak256.Hash(data).ToArray());
        }
    }
}
