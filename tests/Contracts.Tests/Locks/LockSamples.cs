using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Locks;

/// <summary>Reproducible random locks and lock hashes (a seeded generator), with zero and all-ones words mixed in.</summary>
internal sealed class LockSamples(int seed)
{
    private readonly Random _random = new(seed);

    public UInt256 Number() => _random.Next(6) switch
    {
        0 => UInt256.Zero,
        1 => UInt256.MaxValue,
        2 => (UInt256)(ulong)_random.Next(1, 10_000_000),
        _ => UInt256.FromBigEndian(Bytes(_random.Next(1, 33))),
    };

    public Hash256 Hash() => _random.Next(10) == 0 ? Hash256.Zero : new Hash256(Bytes(32));

    public HashTimeLock HashTimeLock() => new(Number(), Number(), Hash());

    /// <summary><paramref name="count"/> distinct lock hashes of random locks.</summary>
    public Hash256[] LockHashes(int count)
    {
        var hashes = new HashSet<Hash256>();
        while (hashes.Count < count)
            hashes.Add(HashTimeLock().LockHash);
        return [.. hashes];
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
