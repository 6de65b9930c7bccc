using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

/// <summary>
/// libsecp256k1 and the managed BouncyCastle code must agree bit for bit: a node's signatures
/// may not depend on which backend its machine happened to load.
/// </summary>
public class Secp256k1BackendEquivalenceTests
{
    private const int RandomCases = 1000;

    private static readonly UInt256 N = Signature.CurveOrder;

    [Fact]
    public void Native_and_managed_agree_on_public_keys_signatures_and_recovery_for_random_keys()
    {
        var native = Backends.Native;
        var managed = Backends.Managed;
        var random = new Random(6979);
        for (var i = 0; i < RandomCases; i++)
        {
            var key = Backends.RandomKey(random);
            var message = new byte[random.Next(0, 300)];
            random.NextBytes(message);
            var digest = Keccak256.Hash(message);
            AssertAgree(native, managed, key, digest, $"case {i} key {Hex.Encode(key)} digest {digest}");
        }
    }

    [Fact]
    public void Native_and_managed_agree_on_edge_keys_and_digests()
    {
        // Digests ≥ n are reduced mod n both in the signature and inside RFC 6979's nonce input;
        // keys at the ends of [1, n−1] and with leading zero bytes exercise the fixed-width encodings.
        var keys = new[] { UInt256.One, new UInt256(2), new UInt256(3), N - UInt256.One, N - new UInt256(2), UInt256.Parse("0x0100000000000000000000000000000000000000000000000000000000000000"), UInt256.Parse("0xffffffffffffffffffffffffffffffff"), Signature.HalfCurveOrder };
        var digests = new[] { Hash256.Zero, Word(UInt256.One), Word(N - UInt256.One), Word(N), Word(N + UInt256.One), Word(UInt256.MaxValue), Word(Signature.HalfCurveOrder), Keccak256.OfEmpty };
        foreach (var key in keys)
        {
            foreach (var digest in digests)
                AssertAgree(Backends.Native, Backends.Managed, key.ToBigEndian(), digest, $"key {key.ToHexString()} digest {digest}");
        }
    }

    [Fact]
    public void Native_and_managed_agree_on_recovery_from_arbitrary_signatures()
    {
        // Random (r, s, v): about half of all r are not the x of any curve point, so this covers
        // the refusal path as much as the success path; both must refuse, or recover the same key.
        var random = new Random(2718);
        Span<byte> nativeKey = stackalloc byte[64];
        Span<byte> managedKey = stackalloc byte[64];
        var recovered = 0;
        for (var i = 0; i < RandomCases; i++)
        {
            var r = RandomScalar(random);
            var s = RandomScalar(random) % Signature.HalfCurveOrder + UInt256.One;
            var signature = new Signature(r, s, (byte)(27 + random.Next(2)));
            var digest = Keccak256.Hash(BitConverter.GetBytes(i));
            var nativeOk = Backends.Native.TryRecoverPublicKey(digest, signature, nativeKey);
            var managedOk = Backends.Managed.TryRecoverPublicKey(digest, signature, managedKey);
            Assert.True(nativeOk == managedOk, $"case {i}: native {(nativeOk ? "recovered" : "refused")}, managed {(managedOk ? "recovered" : "refused")} {signature}");
            if (nativeOk)
            {
                recovered++;
                Assert.True(nativeKey.SequenceEqual(managedKey), $"case {i}: different keys recovered from {signature}");
            }
        }
        Assert.InRange(recovered, RandomCases / 4, RandomCases * 3 / 4);
    }

    [Fact]
    public void Native_and_managed_agree_on_ecdh_and_it_is_symmetric()
    {
        var random = new Random(1976);
        Span<byte> nativePoint = stackalloc byte[64];
        Span<byte> managedPoint = stackalloc byte[64];
        Span<byte> reversePoint = stackalloc byte[64];
        Span<byte> publicA = stackalloc byte[64];
        Span<byte> publicB = stackalloc byte[64];
        for (var i = 0; i < 200; i++)
        {
            var a = Backends.RandomKey(random);
            var b = Backends.RandomKey(random);
            Backends.Native.PublicKeyOf(a, publicA);
            Backends.Native.PublicKeyOf(b, publicB);
            Backends.Native.SharedSecretPoint(a, publicB, nativePoint);
            Backends.Managed.SharedSecretPoint(a, publicB, managedPoint);
            Backends.Native.SharedSecretPoint(b, publicA, reversePoint);
            Assert.True(nativePoint.SequenceEqual(managedPoint), $"case {i}: backends disagree on a·B");
            Assert.True(nativePoint.SequenceEqual(reversePoint), $"case {i}: a·B ≠ b·A");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Names), MemberType = typeof(Backends))]
    public void Backend_gives_the_same_results_from_many_threads_at_once(string backendName)
    {
        // One shared native context and BouncyCastle's shared precomputed tables serve all threads.
        var backend = Backends.ByName(backendName);
        var random = new Random(404);
        var keys = Enumerable.Range(0, 64).Select(_ => Backends.RandomKey(random)).ToArray();
        var digests = keys.Select((_, i) => Keccak256.Hash(BitConverter.GetBytes(i))).ToArray();
        var expected = keys.Select((k, i) => Backends.Managed.Sign(digests[i], k)).ToArray();
        var actual = new Signature[keys.Length];
        var recoveredOk = new bool[keys.Length];
        Parallel.For(0, keys.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, j =>
        {
            var i = j % keys.Length;
            actual[i] = backend.Sign(digests[i], keys[i]);
            var publicKey = new byte[64];
            var expectedKey = new byte[64];
            backend.PublicKeyOf(keys[i], expectedKey);
            recoveredOk[i] = backend.TryRecoverPublicKey(digests[i], actual[i], publicKey) && publicKey.AsSpan().SequenceEqual(expectedKey);
        });
        Assert.Equal(expected, actual);
        Assert.All(recoveredOk, Assert.True);
    }

    private static void AssertAgree(ISecp256k1Backend native, ISecp256k1Backend managed, byte[] key, Hash256 digest, string context)
    {
        Span<byte> nativePublic = stackalloc byte[64];
        Span<byte> managedPublic = stackalloc byte[64];
        native.PublicKeyOf(key, nativePublic);
        managed.PublicKeyOf(key, managedPublic);
        Assert.True(nativePublic.SequenceEqual(managedPublic), $"{context}: public keys differ");

        var nativeSignature = native.Sign(digest, key);
        var managedSignature = managed.Sign(digest, key);
        Assert.True(nativeSignature == managedSignature, $"{context}: signatures differ: native {nativeSignature} managed {managedSignature}");
        Assert.True(nativeSignature.IsLowS, $"{context}: high s");

        Span<byte> recovered = stackalloc byte[64];
        Assert.True(native.TryRecoverPublicKey(digest, nativeSignature, recovered), $"{context}: native recovery failed");
        Assert.True(recovered.SequenceEqual(nativePublic), $"{context}: native recovered another key");
        recovered.Clear();
        Assert.True(managed.TryRecoverPublicKey(digest, nativeSignature, recovered), $"{context}: managed recovery failed");
        Assert.True(recovered.SequenceEqual(nativePublic), $"{context}: managed recovered another key");
    }

    private static Hash256 Word(UInt256 value) => new(value.ToBigEndian());

    private static UInt256 RandomScalar(Random random)
    {
        var bytes = new byte[32];
        UInt256 value;
        do
        {
            random.NextBytes(bytes);
            value = UInt256.FromBigEndian(bytes);
        }
        while (value.IsZero || value >= N);
        return value;
    }
}
