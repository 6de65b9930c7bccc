using CryptographicOperations = System.Security.Cryptography.CryptographicOperations;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// secp256k1 in managed code on BouncyCastle, for machines without libsecp256k1. It reproduces
/// libsecp256k1 exactly: RFC 6979 nonces (HMAC-SHA256, no extra data), s normalised to the low
/// half (which flips the recovery id), and the recovery id read off the nonce point.
/// </summary>
/// <remarks>
/// About 20–50× slower than the native library. BouncyCastle's scalar multiplications are not
/// constant-time, so on a machine where other processes can time this one the native backend
/// is the one to use for long-lived keys.
/// </remarks>
public sealed class ManagedSecp256k1 : ISecp256k1Backend
{
    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECCurve Curve = Parameters.Curve;
    private static readonly ECPoint G = Parameters.G;
    private static readonly BigInteger N = Parameters.N;
    private static readonly BigInteger HalfN = N.ShiftRight(1);
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    public static ManagedSecp256k1 Instance { get; } = new();

    private ManagedSecp256k1()
    {
    }

    public string Name => "managed BouncyCastle";

    public bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == 32 && ToScalarOrNull(privateKey) is not null;

    public void PublicKeyOf(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        RequireOutput(publicKey, nameof(publicKey));
        var d = ToScalar(privateKey);
        WritePoint(BaseMultiplier.Multiply(G, d).Normalize(), publicKey);
    }

    public Signature Sign(in Hash256 digest, ReadOnlySpan<byte> privateKey)
    {
        var d = ToScalar(privateKey);
        var message = digest.ToArray();
        var e = new BigInteger(1, message);
        var nonces = new HMacDsaKCalculator(new Sha256Digest());
        nonces.Init(N, d, message);
        while (true)
        {
            // RFC 6979 §3.2 step h: each retry takes the generator's next candidate, as libsecp256k1
            // does when r or s comes out zero (never observed; kept for exactness).
            var k = nonces.NextK();
            var point = BaseMultiplier.Multiply(G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(N);
            if (r.SignValue == 0)
                continue;
            var s = k.ModInverse(N).Multiply(e.Add(d.Multiply(r))).Mod(N);
            if (s.SignValue == 0)
                continue;
            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(N) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // −s signs with the nonce −k, whose point is R mirrored: same x, other y parity.
                s = N.Subtract(s);
                recoveryId ^= 1;
            }
            Span<byte> compact = stackalloc byte[64];
            WriteScalar(r, compact[..32]);
            WriteScalar(s, compact[32..]);
            return Secp256k1Checks.ToEthereumSignature(compact, recoveryId);
        }
    }

    public bool TryRecoverPublicKey(in Hash256 digest, in Signature signature, Span<byte> publicKey)
    {
        RequireOutput(publicKey, nameof(publicKey));
        if (signature.V is not (27 or 28) || !signature.IsLowS || signature.R.IsZero || signature.S.IsZero)
            return false;
        var r = new BigInteger(1, signature.R.ToBigEndian());
        var s = new BigInteger(1, signature.S.ToBigEndian());
        if (r.CompareTo(N) >= 0 || s.CompareTo(N) >= 0)
            return false;

        // R is the point with x = r (v 27/28 never encodes x = r + n) and the y parity of the recovery id.
        var x = Curve.FromBigInteger(r);
        var y = x.Square().Multiply(x).Add(Curve.B).Sqrt();
        if (y is null)
            return false;
        if (y.TestBitZero() != (signature.RecoveryId == 1))
            y = y.Negate();
        var nonceR = Curve.CreatePoint(r, y.ToBigInteger());

        // Q = r⁻¹ (s·R − e·G)
        var e = new BigInteger(1, digest.ToArray());
        var rInverse = r.ModInverse(N);
        var u1 = e.Negate().Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(G, u1, nonceR, u2).Normalize();
        if (q.IsInfinity)
            return false;
        WritePoint(q, publicKey);
        return true;
    }

    public void SharedSecretPoint(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedPoint)
    {
        RequireOutput(sharedPoint, nameof(sharedPoint));
        var d = ToScalar(privateKey);
        if (publicKey.Length != 64)
            throw new InvalidPublicKeyException($"a public key has 64 bytes (x ‖ y), got {publicKey.Length}");
        var encoded = new byte[65];
        encoded[0] = 0x04;
        publicKey.CopyTo(encoded.AsSpan(1));
        ECPoint point;
        try
        {
            point = Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            throw new InvalidPublicKeyException("the public key is not a point on secp256k1");
        }
        // The group has prime order and the scalar is in [1, n−1], so the product is never infinity.
        WritePoint(point.Multiply(d).Normalize(), sharedPoint);
    }

    private static BigInteger ToScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
            throw Secp256k1Checks.WrongKeyLength(privateKey.Length);
        return ToScalarOrNull(privateKey) ?? throw Secp256k1Checks.OutOfRangeKey();
    }

    private static BigInteger? ToScalarOrNull(ReadOnlySpan<byte> privateKey)
    {
        // BouncyCastle takes arrays only; the copy is wiped once the integer is built.
        var copy = privateKey.ToArray();
        try
        {
            var d = new BigInteger(1, copy);
            return d.SignValue > 0 && d.CompareTo(N) < 0 ? d : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    private static void WritePoint(ECPoint normalized, Span<byte> destination)
    {
        normalized.AffineXCoord.GetEncoded().CopyTo(destination);
        normalized.AffineYCoord.GetEncoded().CopyTo(destination[32..]);
    }

    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination[..(32 - bytes.Length)].Clear();
        bytes.CopyTo(destination[(32 - bytes.Length)..]);
    }

    private static void RequireOutput(Span<byte> output, string name)
    {
        if (output.Length < 64)
            throw new ArgumentException($"the output needs 64 bytes, got {output.Length}", name);
    }
}
