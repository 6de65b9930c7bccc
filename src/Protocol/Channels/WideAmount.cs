using Photon.Ethereum;

namespace Photon.Protocol.Channels;

/// <summary>
/// A sum of a few uint256 amounts without overflow: <c>Carries · 2^256 + Low</c>. Capacity checks add
/// amounts a hostile partner chose (up to 2^256 − 1 each), so they compare exact sums instead of
/// trusting any bound, and never throw.
/// </summary>
internal readonly record struct WideAmount(ulong Carries, UInt256 Low) : IComparable<WideAmount>
{
    public static WideAmount Sum(params ReadOnlySpan<UInt256> amounts)
    {
        var total = default(WideAmount);
        foreach (var amount in amounts)
            total = total.Add(amount);
        return total;
    }

    public WideAmount Add(UInt256 amount)
    {
        var room = UInt256.MaxValue - Low;
        // Low + amount ≥ 2^256 exactly when amount > room; then the new low part is amount − room − 1.
        return amount > room ? new WideAmount(Carries + 1, amount - room - UInt256.One) : new WideAmount(Carries, Low + amount);
    }

    /// <summary>This − <paramref name="other"/> when it is not negative and fits in a uint256; otherwise false.</summary>
    public bool TrySubtract(WideAmount other, out UInt256 difference)
    {
        difference = UInt256.Zero;
        if (CompareTo(other) < 0)
            return false;
        if (Carries == other.Carries)
        {
            difference = Low - other.Low;
            return true;
        }
        // Carries = other.Carries + 1 and Low < other.Low: the difference is 2^256 + Low − other.Low < 2^256.
        if (Carries - other.Carries == 1 && Low < other.Low)
        {
            difference = UInt256.MaxValue - (other.Low - Low) + UInt256.One;
            return true;
        }
        return false;
    }

    public int CompareTo(WideAmount other) => Carries != other.Carries ? Carries.CompareTo(other.Carries) : Low.CompareTo(other.Low);

    public static bool operator <(WideAmount left, WideAmount right) => left.CompareTo(right) < 0;

    public static bool operator >(WideAmount left, WideAmount right) => left.CompareTo(right) > 0;

    public static bool operator <=(WideAmount left, WideAmount right) => left.CompareTo(right) <= 0;

    public static bool operator >=(WideAmount left, WideAmount right) => left.CompareTo(right) >= 0;
}
