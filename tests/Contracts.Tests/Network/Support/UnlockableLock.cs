using System.Security.Cryptography;
using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>A hash-time lock with its secret, so that a test can register the secret and unlock the lock.</summary>
public sealed record UnlockableLock(Hash256 Secret, HashTimeLock Lock)
{
    public Hash256 LockHash => Lock.LockHash;

    public UInt256 Amount => Lock.Amount;

    /// <summary>
    /// A lock on a fresh random secret: the SecretRegistry is shared by every test of a class and
    /// keeps the first registration, so a secret must never be reused across tests.
    /// </summary>
    public static UnlockableLock Create(UInt256 expiration, UInt256 amount)
    {
        var secret = new Hash256(RandomNumberGenerator.GetBytes(SecretHash.SecretLength));
        return new UnlockableLock(secret, new HashTimeLock(expiration, amount, SecretHash.Of(secret)));
    }

    /// <summary><paramref name="count"/> locks of amounts <paramref name="firstAmount"/>, <paramref name="firstAmount"/> + 1, … (distinct secrets).</summary>
    public static UnlockableLock[] CreateMany(int count, UInt256 expiration, ulong firstAmount = 1) =>
        [.. Enumerable.Range(0, count).Select(i => Create(expiration, firstAmount + (ulong)i))];
}
