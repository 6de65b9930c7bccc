using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Crypto;

/// <summary>
/// Keys, EIP-191 messages and digest signatures against ethers v6 (an independent implementation
/// on noble-curves), in one node process: tools/crosscheck/keys.cjs.
/// </summary>
public class EthersCrossCheckTests
{
    private const int RandomCases = 250;

    [Fact]
    public async Task Addresses_public_keys_and_signatures_equal_ethers()
    {
        var random = new Random(191);
        var cases = new List<(byte[] Key, byte[] Message, Hash256 Digest)>
        {
            // The keyaddrtest keys signing keccak256("") and the empty message.
            (Hex.Decode("0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4"), [], Keccak256.OfEmpty),
            (Hex.Decode("0xc87f65ff3f271bf5dc8643484f66b200109caffe4bf98c4cb393dc35740b28c0"), [], Keccak256.OfEmpty),
            ((Signature.CurveOrder - UInt256.One).ToBigEndian(), "hello world"u8.ToArray(), Hash256.Zero),
            (UInt256.One.ToBigEndian(), new byte[1000], new Hash256(UInt256.MaxValue.ToBigEndian())),
        };
        for (var i = 0; i < RandomCases; i++)
        {
            var message = new byte[random.Next(0, 600)];
            random.NextBytes(message);
            var digest = new byte[32];
            random.NextBytes(digest);
            cases.Add((Backends.RandomKey(random), message, new Hash256(digest)));
        }

        var input = new JsonObject
        {
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["key"] = Hex.Encode(c.Key),
                ["message"] = Hex.Encode(c.Message),
                ["digest"] = c.Digest.ToString(),
            }).ToArray()),
        };
        var output = await NodeScript.RunAsync("keys.cjs", input.ToJsonString());
        using var document = JsonDocument.Parse(output);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(cases.Count, results.Length);

        for (var i = 0; i < cases.Count; i++)
        {
            var (key, message, digest) = cases[i];
            var ethers = results[i];
            var context = $"case {i} key {Hex.Encode(key)}";
            var ethersAddress = Address.Parse(ethers.GetProperty("address").GetString()!);
            var ethersPublicKey = Hex.Decode(ethers.GetProperty("publicKey").GetString()!);
            var ethersMessageSignature = Signature.Parse(ethers.GetProperty("messageSignature").GetString()!);
            var ethersDigestSignature = Signature.Parse(ethers.GetProperty("digestSignature").GetString()!);

            using var privateKey = new PrivateKey(key);
            Assert.True(ethersAddress == privateKey.Address, $"{context}: address {privateKey.Address} vs ethers {ethersAddress}");
            Assert.True(ethersPublicKey.AsSpan(1).SequenceEqual(privateKey.PublicKey), $"{context}: public key differs");
            Assert.Equal(ethers.GetProperty("address").GetString(), privateKey.Address.ToString());

            var messageSignature = privateKey.SignMessage(message);
            Assert.True(ethersMessageSignature == messageSignature, $"{context}: personal_sign {messageSignature} vs ethers {ethersMessageSignature}");
            Assert.Equal(ethersAddress, Eip191.RecoverMessageSigner(message, ethersMessageSignature));

            var digestSignature = privateKey.Sign(digest);
            Assert.True(ethersDigestSignature == digestSignature, $"{context}: digest signature {digestSignature} vs ethers {ethersDigestSignature}");
            Assert.Equal(ethersAddress, Secp256k1.RecoverAddress(digest, ethersDigestSignature));
            // The facade is native here; the managed backend must match ethers on its own too.
            var managedSignature = Backends.Managed.Sign(digest, key);
            Assert.True(ethersDigestSignature == managedSignature, $"{context}: managed signature {managedSignature} vs ethers {ethersDigestSignature}");
            Assert.Equal(ethersAddress, Address.FromPublicKey(RecoverManaged(digest, ethersDigestSignature)));
        }
    }

    private static byte[] RecoverManaged(Hash256 digest, Signature signature)
    {
        var publicKey = new byte[64];
        Assert.True(Backends.Managed.TryRecoverPublicKey(digest, signature, publicKey));
        return publicKey;
    }
}
