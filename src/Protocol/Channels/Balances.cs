using Photon.Ethereum;

namespace Photon.Protocol.Channels;

/// <summary>
/// What an end can still pay. An end can pay out its deposit, less what it withdrew, plus what its
/// partner paid it; its transferred and locked amounts are already committed. Every sum here is
/// exact (no uint256 overflow, no exception), because partners choose some of the terms.
/// </summary>
public static class Balances
{
    /// <summary>
    /// deposit − withdraw + partner.transferred − own.transferred − own.locked: what <paramref name="end"/>
    /// can still lock or transfer to <paramref name="partner"/>. Zero when the commitments use it all;
    /// never negative, since no transition accepts a state beyond capacity (<see cref="IsWithinCapacity"/>).
    /// </summary>
    public static UInt256 Distributable(ChannelEnd end, ChannelEnd partner)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(partner);
        var credit = WideAmount.Sum(end.TotalDeposit, partner.TransferredAmount);
        var debit = WideAmount.Sum(end.TotalWithdraw, end.TransferredAmount, end.LockedAmount);
        if (!credit.TrySubtract(debit, out var distributable))
            // Negative (a state no transition produces) reads as nothing left; above 2^256 − 1 (only a
            // token with more supply than that) as the most a uint256 can name.
            return credit < debit ? UInt256.Zero : UInt256.MaxValue;
        return distributable;
    }

    /// <summary>True when <paramref name="end"/>'s transferred and locked amounts are within what it can pay.</summary>
    public static bool IsWithinCapacity(ChannelEnd end, ChannelEnd partner)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(partner);
        return CanCommit(end, partner, end.TransferredAmount, end.LockedAmount);
    }

    /// <summary>
    /// True when <paramref name="end"/> can have paid <paramref name="transferred"/> and locked
    /// <paramref name="locked"/> in total: transferred + locked + withdraw ≤ deposit + partner.transferred,
    /// and transferred + locked fits in a uint256 (so unlocking a lock can never overflow).
    /// </summary>
    public static bool CanCommit(ChannelEnd end, ChannelEnd partner, UInt256 transferred, UInt256 locked)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(partner);
        var committed = WideAmount.Sum(transferred, locked);
        if (committed.Carries != 0)
            return false;
        return committed.Add(end.TotalWithdraw) <= WideAmount.Sum(end.TotalDeposit, partner.TransferredAmount);
    }
}
