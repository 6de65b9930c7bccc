using Photon.Ethereum;

namespace Photon.Contracts.Locks;

/// <summary>
/// The same lock hash twice in one locks tree. The contract records unlocks per lock hash, so a
/// second copy could never be unlocked and would only make the payee's claim ambiguous.
/// </summary>
public sealed class DuplicateLockException(Hash256 lockHash, int firstIndex, int secondIndex)
    : ArgumentException($"lock {lockHash} appears twice in the locks tree (at {firstIndex} and {secondIndex})")
{
    public Hash256 LockHash { get; } = lockHash;

    public int FirstIndex { get; } = firstIndex;

    public int SecondIndex { get; } = secondIndex;
}
