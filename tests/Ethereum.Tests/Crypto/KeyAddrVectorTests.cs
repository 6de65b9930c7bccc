using System.Text;
using System.Text.Json;
using Photon.Ethereum.Crypto;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Crypto;

/// <summary>The Ethereum project's BasicTests/keyaddrtest.json: seed → key → address, and the signature field.</summary>
public class KeyAddrVectorTests
{
    private sealed record SignatureFields(string V, string R, string S);

    private sealed record KeyAddrCase(string Seed, string Key, string Addr, SignatureFields Sig);

    private static readonly KeyAddrCase[] Cases = Load();

    public static TheoryData<string> Seeds => new(Cases.Select(c => c.Seed));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Key_is_the_keccak_of_the_seed(string seed) =>
        Assert.Equal("0x" + Find(seed).Key, Keccak256.Hash(Encoding.UTF8.GetBytes(seed)).ToString());

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Key_gives_the_vector_address_on_every_path(string seed)
    {
        var c = Find(seed);
        var expected = Address.Parse(c.Addr);
        var key = Hex.Decode(c.Key);
        using var privateKey = PrivateKey.Parse(c.Key);
        Assert.Equal(expected, privateKey.Address);
        var publicKey = new byte[64];
        Backends.Native.PublicKeyOf(key, publicKey);
        Assert.Equal(expected, Address.FromPublicKey(publicKey));
        Backends.Managed.PublicKeyOf(key, publicKey);
        Assert.Equal(expected, Address.FromPublicKey(publicKey));
    }

    /// <summary>
    /// <c>sig_of_emptystring</c> came from an early client and is not a signature of keccak256("")
    /// (nor of sha256(""), the zero hash or the EIP-191 hash of "") by the vector's key under either
    /// recovery id, as noble-curves confirms; other clients skip it (Nethermind marks it "values
    /// seem wrong"). What it can still test: its fields parse as a signature, and "horse"'s s lies in
    /// the upper half, which EIP-2 refuses. Our own signature of keccak256("") with these keys is
    /// compared with ethers' in <see cref="EthersCrossCheckTests"/>.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Signature_field_parses_and_a_high_s_value_is_refused(string seed)
    {
        var fields = Find(seed).Sig;
        var signature = new Signature(UInt256.Parse(fields.R), UInt256.Parse(fields.S), byte.Parse(fields.V, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(seed == "horse", !signature.IsLowS);
        if (!signature.IsLowS)
            Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Keccak256.OfEmpty, signature));
        else
            Assert.True(Secp256k1.TryRecoverAddress(Keccak256.OfEmpty, signature, out _));
    }

    [Fact]
    public void Vector_file_has_the_expected_cases() =>
        Assert.Equal(["cow", "horse"], Cases.Select(c => c.Seed));

    private static KeyAddrCase Find(string seed) => Cases.Single(c => c.Seed == seed);

    private static KeyAddrCase[] Load()
    {
        var path = Path.Combine(RepoPaths.Vectors, "ethereum-tests_BasicTests_keyaddrtest.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e =>
        {
            var sig = e.GetProperty("sig_of_emptystring");
            return new KeyAddrCase(
                e.GetProperty("seed").GetString()!,
                e.GetProperty("key").GetString()!,
                e.GetProperty("addr").GetString()!,
                new SignatureFields(sig.GetProperty("v").GetString()!, sig.GetProperty("r").GetString()!, sig.GetProperty("s").GetString()!));
        }).ToArray();
    }
}
