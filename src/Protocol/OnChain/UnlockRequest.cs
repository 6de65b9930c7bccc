using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Protocol.OnChain;

/// <summary>
/// An unlock of <see cref="Lock"/> this node asked for, against the partner's stored proof when its
/// transferred amount is <see cref="TransferredAmount"/> (the value the transaction carries; the
/// contract takes it only while the stored balance hash still matches it).
/// </summary>
public sealed record UnlockRequest(HashTimeLock Lock, UInt256 TransferredAmount)
{
    /// <summary>The partner's stored transferred amount once this unlock is credited.</summary>
    public UInt256 TransferredAfter => TransferredAmount + Lock.Amount;
}
