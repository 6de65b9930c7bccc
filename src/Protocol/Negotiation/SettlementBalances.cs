using Photon.Ethereum;
using Photon.Protocol.Channels;

namespace Photon.Protocol.Negotiation;

/// <summary>
/// What each participant takes out of a channel that ends now with no pending lock: its deposit, less
/// what it withdrew, plus what its partner paid it, less what it paid. The two add up to what the
/// channel holds (deposits − withdrawals), which is exactly what cooperativeSettle requires.
/// </summary>
internal static class SettlementBalances
{
    /// <returns>
    /// Our balance and the partner's, or null when an end has paid more than it owns or the two do not add
    /// up to the channel's holdings: states no accepted balance proof produces, and nothing to sign.
    /// </returns>
    public static (UInt256 Our, UInt256 Partner)? Of(Channel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (Balance(channel.Our, channel.Partner) is not { } our || Balance(channel.Partner, channel.Our) is not { } partner)
            return null;
        var paidOut = WideAmount.Sum(our, partner, channel.Our.TotalWithdraw, channel.Partner.TotalWithdraw);
        return paidOut.CompareTo(WideAmount.Sum(channel.Our.TotalDeposit, channel.Partner.TotalDeposit)) == 0 ? (our, partner) : null;
    }

    private static UInt256? Balance(ChannelEnd end, ChannelEnd other)
    {
        var credit = WideAmount.Sum(end.TotalDeposit, other.TransferredAmount);
        var debit = WideAmount.Sum(end.TotalWithdraw, end.TransferredAmount);
        return credit.TrySubtract(debit, out var balance) ? balance : null;
    }
}
