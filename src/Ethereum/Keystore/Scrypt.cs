using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Photon.Ethereum.Keystore;

/// <summary>
/// scrypt (RFC 7914). Our own because BouncyCastle 1.8.10 refuses N ≥ 65536 with r = 1,
/// which geth and the Ethereum keystore vectors use. PBKDF2-HMAC-SHA256 comes from the
/// platform; the memory-hard ROMix with Salsa20/8 is here, on 32-bit words in locals.
/// </summary>
public static class Scrypt
{
    /// <summary>Largest memory one derivation may take (128·r·N bytes): refuses hostile keystore parameters.</summary>
    public const long MaxMemoryBytes = 1L << 30;

    /// <summary>
    /// Largest total work N·r·p accepted: 8× geth's standard keystore (2^18 · 8 · 1 = 2^21), so a
    /// hostile file cannot make decryption run for hours through a huge p.
    /// </summary>
    public const long MaxWork = 1L << 24;

    public static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int n, int r, int p, int length)
    {
        Validate(n, r, p, length);
        var blockBytes = 128 * r;
        var b = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1, HashAlgorithmName.SHA256, checked(p * blockBytes));
        var x = new uint[32 * r];
        var v = new uint[(long)n * 32 * r];
        var scratch = new uint[32 * r];
        for (var i = 0; i < p; i++)
        {
            var chunk = b.AsSpan(i * blockBytes, blockBytes);
            for (var k = 0; k < x.Length; k++)
                x[k] = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(4 * k)..]);
            RoMix(x, v, scratch, n, r);
            for (var k = 0; k < x.Length; k++)
                BinaryPrimitives.WriteUInt32LittleEndian(chunk[(4 * k)..], x[k]);
        }
        Array.Clear(v);
        var result = Rfc2898DeriveBytes.Pbkdf2(password, b, 1, HashAlgorithmName.SHA256, length);
        Array.Clear(b);
        return result;
    }

    public static void Validate(int n, int r, int p, int length)
    {
        if (n < 2 || !BitOperations.IsPow2(n))
            throw new ArgumentOutOfRangeException(nameof(n), $"scrypt N must be a power of two > 1, got {n}");
        if (r < 1 || p < 1 || (long)r * p >= 1 << 30)
            throw new ArgumentOutOfRangeException(nameof(r), $"scrypt r and p must be ≥ 1 with r·p < 2^30, got r={r} p={p}");
        if (128L * r * n > MaxMemoryBytes)
            throw new ArgumentOutOfRangeException(nameof(n), $"scrypt N={n} r={r} needs {128L * r * n >> 20} MiB, above the {MaxMemoryBytes >> 20} MiB limit");
        if ((long)n * r * p > MaxWork)
            throw new ArgumentOutOfRangeException(nameof(p), $"scrypt N·r·p = {(long)n * r * p} is above the work limit {MaxWork} (8× geth's standard)");
        if (length < 1)
            throw new ArgumentOutOfRangeException(nameof(length), "scrypt output length must be positive");
    }

    private static void RoMix(uint[] x, uint[] v, uint[] scratch, int n, int r)
    {
        var words = 32 * r;
        for (var i = 0; i < n; i++)
        {
            x.AsSpan().CopyTo(v.AsSpan(i * words, words));
            BlockMix(x, scratch, r);
        }
        for (var i = 0; i < n; i++)
        {
            // Integerify: the first word of the last 64-byte block; N ≤ 2^31 so 32 bits suffice.
            var j = (int)(x[words - 16] & (uint)(n - 1));
            var vj = v.AsSpan(j * words, words);
            for (var k = 0; k < words; k++)
                x[k] ^= vj[k];
            BlockMix(x, scratch, r);
        }
    }

    /// <summary>scryptBlockMix: Y_i = Salsa(Y_{i−1} ⊕ B_i); output even-indexed blocks then odd-indexed.</summary>
    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        Span<uint> t = stackalloc uint[16];
        b.AsSpan((2 * r - 1) * 16, 16).CopyTo(t);
        for (var i = 0; i < 2 * r; i++)
        {
            var bi = b.AsSpan(i * 16, 16);
            for (var k = 0; k < 16; k++)
                t[k] ^= bi[k];
            Salsa20_8(t);
            var destination = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            t.CopyTo(y.AsSpan(destination, 16));
        }
        y.AsSpan(0, 32 * r).CopyTo(b);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Salsa20_8(Span<uint> b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var i = 0; i < 8; i += 2)
        {
            // Column round.
            x4 ^= BitOperations.RotateLeft(x0 + x12, 7); x8 ^= BitOperations.RotateLeft(x4 + x0, 9);
            x12 ^= BitOperations.RotateLeft(x8 + x4, 13); x0 ^= BitOperations.RotateLeft(x12 + x8, 18);
            x9 ^= BitOperations.RotateLeft(x5 + x1, 7); x13 ^= BitOperations.RotateLeft(x9 + x5, 9);
            x1 ^= BitOperations.RotateLeft(x13 + x9, 13); x5 ^= BitOperations.RotateLeft(x1 + x13, 18);
            x14 ^= BitOperations.RotateLeft(x10 + x6, 7); x2 ^= BitOperations.RotateLeft(x14 + x10, 9);
            x6 ^= BitOperations.RotateLeft(x2 + x14, 13); x10 ^= BitOperations.RotateLeft(x6 + x2, 18);
            x3 ^= BitOperations.RotateLeft(x15 + x11, 7); x7 ^= BitOperations.RotateLeft(x3 + x15, 9);
            x11 ^= BitOperations.RotateLeft(x7 + x3, 13); x15 ^= BitOperations.RotateLeft(x11 + x7, 18);
            // Row round.
            x1 ^= BitOperations.RotateLeft(x0 + x3, 7); x2 ^= BitOperations.RotateLeft(x1 + x0, 9);
            x3 ^= BitOperations.RotateLeft(x2 + x1, 13); x0 ^= BitOperations.RotateLeft(x3 + x2, 18);
            x6 ^= BitOperations.RotateLeft(x5 + x4, 7); x7 ^= BitOperations.RotateLeft(x6 + x5, 9);
            x4 ^= BitOperations.RotateLeft(x7 + x6, 13); x5 ^= BitOperations.RotateLeft(x4 + x7, 18);
            x11 ^= BitOperations.RotateLeft(x10 + x9, 7); x8 ^= BitOperations.RotateLeft(x11 + x10, 9);
            x9 ^= BitOperations.RotateLeft(x8 + x11, 13); x10 ^= BitOperations.RotateLeft(x9 + x8, 18);
            x12 ^= BitOperations.RotateLeft(x15 + x14, 7); x13 ^= BitOperations.RotateLeft(x12 + x15, 9);
            x14 ^= BitOperations.RotateLeft(x13 + x12, 13); x15 ^= BitOperations.RotateLeft(x14 + x13, 18);
        }
        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }
}
