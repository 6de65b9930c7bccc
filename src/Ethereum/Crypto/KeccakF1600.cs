using System.Numerics;
using System.Runtime.CompilerServices;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// The Keccak-f[1600] permutation on 25 little-endian lanes. The state lives in locals for
/// the whole 24 rounds (no array traffic), which is what makes Keccak-256 of a 32-byte
/// input cost well under a microsecond in managed code.
/// </summary>
internal static class KeccakF1600
{
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Permute(Span<ulong> state)
    {
        if (state.Length < 25)
            throw new ArgumentException("Keccak state has 25 lanes", nameof(state));

        // Lane a[x + 5y] of the specification is aXY below with index x + 5y.
        ulong a0 = state[0], a1 = state[1], a2 = state[2], a3 = state[3], a4 = state[4];
        ulong a5 = state[5], a6 = state[6], a7 = state[7], a8 = state[8], a9 = state[9];
        ulong a10 = state[10], a11 = state[11], a12 = state[12], a13 = state[13], a14 = state[14];
        ulong a15 = state[15], a16 = state[16], a17 = state[17], a18 = state[18], a19 = state[19];
        ulong a20 = state[20], a21 = state[21], a22 = state[22], a23 = state[23], a24 = state[24];

        var rc = RoundConstants;
        for (var round = 0; round < 24; round++)
        {
            // θ
            var c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            var c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            var c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            var c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            var c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            var d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            var d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            var d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            var d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            var d4 = c3 ^ BitOperations.RotateLeft(c0, 1);

            // ρ and π: b[y + 5((2x + 3y) mod 5)] = rot(a[x + 5y], r[x, y]) (θ folded in).
            var b0 = a0 ^ d0;
            var b1 = BitOperations.RotateLeft(a6 ^ d1, 44);
            var b2 = BitOperations.RotateLeft(a12 ^ d2, 43);
            var b3 = BitOperations.RotateLeft(a18 ^ d3, 21);
            var b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            var b5 = BitOperations.RotateLeft(a3 ^ d3, 28);
            var b6 = BitOperations.RotateLeft(a9 ^ d4, 20);
            var b7 = BitOperations.RotateLeft(a10 ^ d0, 3);
            var b8 = BitOperations.RotateLeft(a16 ^ d1, 45);
            var b9 = BitOperations.RotateLeft(a22 ^ d2, 61);
            var b10 = BitOperations.RotateLeft(a1 ^ d1, 1);
            var b11 = BitOperations.RotateLeft(a7 ^ d2, 6);
            var b12 = BitOperations.RotateLeft(a13 ^ d3, 25);
            var b13 = BitOperations.RotateLeft(a19 ^ d4, 8);
            var b14 = BitOperations.RotateLeft(a20 ^ d0, 18);
            var b15 = BitOperations.RotateLeft(a4 ^ d4, 27);
            var b16 = BitOperations.RotateLeft(a5 ^ d0, 36);
            var b17 = BitOperations.RotateLeft(a11 ^ d1, 10);
            var b18 = BitOperations.RotateLeft(a17 ^ d2, 15);
            var b19 = BitOperations.RotateLeft(a23 ^ d3, 56);
            var b20 = BitOperations.RotateLeft(a2 ^ d2, 62);
            var b21 = BitOperations.RotateLeft(a8 ^ d3, 55);
            var b22 = BitOperations.RotateLeft(a14 ^ d4, 39);
            var b23 = BitOperations.RotateLeft(a15 ^ d0, 41);
            var b24 = BitOperations.RotateLeft(a21 ^ d1, 2);

            // χ row by row, then ι on lane 0.
            a0 = b0 ^ (~b1 & b2) ^ rc[round];
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a5 = b5 ^ (~b6 & b7);
            a6 = b6 ^ (~b7 & b8);
            a7 = b7 ^ (~b8 & b9);
            a8 = b8 ^ (~b9 & b5);
            a9 = b9 ^ (~b5 & b6);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
        }

        state[0] = a0; state[1] = a1; state[2] = a2; state[3] = a3; state[4] = a4;
        state[5] = a5; state[6] = a6; state[7] = a7; state[8] = a8; state[9] = a9;
        state[10] = a10; state[11] = a11; state[12] = a12; state[13] = a13; state[14] = a14;
        state[15] = a15; state[16] = a16; state[17] = a17; state[18] = a18; state[19] = a19;
        state[20] = a20; state[21] = a21; state[22] = a22; state[23] = a23; state[24] = a24;
    }
}
