using Photon.Ethereum;

namespace Photon.Protocol.OnChain;

/// <summary>
/// The values a balance hash commits to (DESIGN.md §5): what settleChannel must be given for a
/// participant, and what unlock needs besides the lock.
/// </summary>
public sealed record BalanceValues(UInt256 TransferredAmount, Hash256 Locksroot)
{
    /// <summary>Nothing transferred, nothing locked: the balance hash of a participant with no proof stored (bytes32(0)).</summary>
    public static readonly BalanceValues Zero = new(UInt256.Zero, Hash256.Zero);

    public Hash256 BalanceHash => Contracts.Locks.BalanceHash.Compute(TransferredAmount, Locksroot);
}
