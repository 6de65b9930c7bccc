using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// Distinct sample values, one per argument of a call, so that swapped or dropped arguments show:
/// integers near 2²⁵⁶ (a truncation would show too), addresses and hashes with a different byte
/// each, and real signatures of different digests.
/// </summary>
internal static class Samples
{
    private static readonly PrivateKey Key = PrivateKey.Parse("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

    public static UInt256 U(int n) => UInt256.MaxValue - (UInt256)(ulong)n;

    public static Address A(int n) => new(Enumerable.Repeat((byte)(0x10 + n), Address.Length).ToArray());

    public static Hash256 H(int n) => new(Enumerable.Range(0, Hash256.Length).Select(i => (byte)(n * 31 + i)).ToArray());

    public static Signature S(int n) => Key.Sign(H(100 + n));

    public static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(seed + i * 7))];
}
