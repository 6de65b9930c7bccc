using System.Numerics;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

/// <summary>Everything that must be refused is refused with a typed exception, by both backends and the facade.</summary>
public class Secp256k1RefusalTests
{
    private static readonly byte[] Key = Hex.Decode("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static readonly Hash256 Digest = Keccak256.Hash("refusals"u8);

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Backend_refuses_to_recover_from_a_high_s_signature(string backendName)
    {
        var backend = Backends.ByName(backendName);
        var low = backend.Sign(Digest, Key);
        var high = Malleate(low);
        Assert.False(high.IsLowS);
        var signer = new byte[64];
        backend.PublicKeyOf(Key, signer);
        Assert.True(IsValidEcdsa(signer, Digest, high), "the malleated form must be valid plain ECDSA, refused only by EIP-2");
        Span<byte> publicKey = stackalloc byte[64];
        Assert.False(backend.TryRecoverPublicKey(Digest, high, publicKey));
        Assert.True(backend.TryRecoverPublicKey(Digest, low, publicKey));
    }

    [Fact]
    public void Facade_throws_on_a_high_s_signature_and_try_recover_rejects_it()
    {
        var low = Secp256k1.Sign(Digest, Key);
        var high = Malleate(low);
        var e = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Digest, high));
        Assert.Contains("EIP-2", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverPublicKey(Digest, high));
        Assert.False(Secp256k1.TryRecoverAddress(Digest, high, out _));
        Assert.True(Secp256k1.TryRecoverAddress(Digest, low, out var signer));
        Assert.Equal(Address.FromPublicKey(Secp256k1.PublicKeyOf(Key)), signer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    [InlineData(255)]
    public void Signature_bytes_with_v_outside_27_and_28_are_refused(byte v)
    {
        var bytes = Secp256k1.Sign(Digest, Key).ToBytes();
        bytes[64] = v;
        var e = Assert.Throws<InvalidSignatureException>(() => Signature.FromBytes(bytes));
        Assert.Contains("27 or 28", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_signature_is_refused_by_recovery_not_crashed_on()
    {
        Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Digest, default));
        Assert.False(Secp256k1.TryRecoverAddress(Digest, default, out _));
        Span<byte> publicKey = stackalloc byte[64];
        Assert.False(Backends.Native.TryRecoverPublicKey(Digest, default, publicKey));
        Assert.False(Backends.Managed.TryRecoverPublicKey(Digest, default, publicKey));
    }

    public static TheoryData<string, string> OutOfRangeComponents => new()
    {
        { "r", "0x0" },
        { "s", "0x0" },
        { "r", Signature.CurveOrder.ToHexString() },
        { "s", Signature.CurveOrder.ToHexString() },
        { "r", (Signature.CurveOrder + UInt256.One).ToHexString() },
        { "s", UInt256.MaxValue.ToHexString() },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeComponents))]
    public void Signature_with_r_or_s_zero_or_not_below_n_is_refused(string component, string value)
    {
        var bytes = Secp256k1.Sign(Digest, Key).ToBytes();
        UInt256.Parse(value).WriteBigEndian(bytes.AsSpan(component == "r" ? 0 : 32, 32));
        Assert.Throws<InvalidSignatureException>(() => Signature.FromBytes(bytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(66)]
    public void Signature_bytes_of_the_wrong_length_are_refused(int length) =>
        Assert.Throws<InvalidSignatureException>(() => Signature.FromBytes(new byte[length]));

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void An_r_that_is_no_point_on_the_curve_recovers_nothing(string backendName)
    {
        var signature = new Signature(FirstXOffTheCurve(), UInt256.One, 27);
        Span<byte> publicKey = stackalloc byte[64];
        Assert.False(Backends.ByName(backendName).TryRecoverPublicKey(Digest, signature, publicKey));
        var e = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverAddress(Digest, signature));
        Assert.Contains("no public key", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadKeys => new()
    {
        { "native", "0x" + new string('0', 64) },
        { "managed", "0x" + new string('0', 64) },
        { "native", Hex.Encode(Signature.CurveOrder.ToBigEndian()) },
        { "managed", Hex.Encode(Signature.CurveOrder.ToBigEndian()) },
        { "native", Hex.Encode(UInt256.MaxValue.ToBigEndian()) },
        { "managed", Hex.Encode(UInt256.MaxValue.ToBigEndian()) },
        { "native", "0x01" },
        { "managed", "0x01" },
        { "native", "0x" + new string('1', 66) },
        { "managed", "0x" + new string('1', 66) },
        { "native", "0x" },
        { "managed", "0x" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Backend_refuses_private_keys_that_are_zero_not_below_n_or_not_32_bytes(string backendName, string keyHex)
    {
        var backend = Backends.ByName(backendName);
        var key = Hex.Decode(keyHex);
        Assert.False(backend.IsValidPrivateKey(key));
        var publicKey = new byte[64];
        Assert.Throws<InvalidPrivateKeyException>(() => backend.PublicKeyOf(key, publicKey));
        Assert.Throws<InvalidPrivateKeyException>(() => backend.Sign(Digest, key));
        Assert.Throws<InvalidPrivateKeyException>(() => backend.SharedSecretPoint(key, Secp256k1.PublicKeyOf(Key), publicKey));
        Assert.Throws<InvalidPrivateKeyException>(() => Secp256k1.Sign(Digest, key));
        Assert.Throws<InvalidPrivateKeyException>(() => new PrivateKey(key));
    }

    [Fact]
    public void Largest_valid_private_key_is_accepted()
    {
        var key = (Signature.CurveOrder - UInt256.One).ToBigEndian();
        Assert.True(Backends.Native.IsValidPrivateKey(key));
        Assert.True(Backends.Managed.IsValidPrivateKey(key));
        using var privateKey = new PrivateKey(key);
        Assert.Equal(privateKey.Address, Secp256k1.RecoverAddress(Digest, privateKey.Sign(Digest)));
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Ecdh_refuses_a_public_key_off_the_curve_or_of_the_wrong_length(string backendName)
    {
        var backend = Backends.ByName(backendName);
        var output = new byte[64];
        var offCurve = new byte[64];
        offCurve[31] = 1;
        offCurve[63] = 1;
        Assert.Throws<InvalidPublicKeyException>(() => backend.SharedSecretPoint(Key, offCurve, output));
        var beyondField = Enumerable.Repeat((byte)0xff, 64).ToArray();
        Assert.Throws<InvalidPublicKeyException>(() => backend.SharedSecretPoint(Key, beyondField, output));
        Assert.Throws<InvalidPublicKeyException>(() => backend.SharedSecretPoint(Key, new byte[64], output));
        Assert.Throws<InvalidPublicKeyException>(() => backend.SharedSecretPoint(Key, new byte[65], output));
        Assert.Throws<InvalidPublicKeyException>(() => backend.SharedSecretPoint(Key, new byte[33], output));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void A_recovery_id_v_cannot_express_is_refused_rather_than_mapped_to_a_wrong_v(int recoveryId)
    {
        var compact = Secp256k1.Sign(Digest, Key).ToBytes().AsSpan(0, 64).ToArray();
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => Secp256k1Checks.ToEthereumSignature(compact, recoveryId));
        Assert.Equal(28, Secp256k1Checks.ToEthereumSignature(compact, 1).V);
    }

    [Fact]
    public void Recovery_with_another_digest_gives_another_address()
    {
        var signature = Secp256k1.Sign(Digest, Key);
        var other = Keccak256.Hash("something else"u8);
        Assert.NotEqual(Secp256k1.RecoverAddress(Digest, signature), Secp256k1.RecoverAddress(other, signature));
    }

    /// <summary>s → n − s with v flipped: the same signature in its malleable (high-s) form.</summary>
    private static Signature Malleate(Signature low) =>
        new(low.R, Signature.CurveOrder - low.S, (byte)(27 + 28 - low.V));

    /// <summary>Plain ECDSA verification (BouncyCastle), which accepts either s.</summary>
    private static bool IsValidEcdsa(byte[] publicKey, Hash256 digest, Signature signature)
    {
        var curve = CustomNamedCurves.GetByName("secp256k1");
        var domain = new ECDomainParameters(curve.Curve, curve.G, curve.N, curve.H);
        var point = curve.Curve.DecodePoint([0x04, .. publicKey]);
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(point, domain));
        return verifier.VerifySignature(
            digest.ToArray(),
            new Org.BouncyCastle.Math.BigInteger(1, signature.R.ToBigEndian()),
            new Org.BouncyCastle.Math.BigInteger(1, signature.S.ToBigEndian()));
    }

    /// <summary>The smallest x ≥ 1 for which x³ + 7 is not a square mod p (Euler's criterion): no point has it.</summary>
    private static UInt256 FirstXOffTheCurve()
    {
        var p = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 32) - 977;
        for (BigInteger x = 1; ; x++)
        {
            if (BigInteger.ModPow(x * x * x + 7, (p - 1) / 2, p) == p - 1)
                return UInt256.FromBigInteger(x);
        }
    }
}
