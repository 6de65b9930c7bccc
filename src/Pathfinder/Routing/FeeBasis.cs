using Photon.Ethereum;
using Photon.Pathfinder.Graph;

namespace Photon.Pathfinder.Routing;

/// <summary>
/// The fee of every edge for one payment value, computed without allocating: value = q·10^6 + r, so
/// ⌊value·m / 10^6⌋ = q·m + ⌊r·m / 10^6⌋ exactly; equal to <see cref="Photon.Protocol.Routing.FeeSchedule.FeeFor"/>,
/// which the mediators check. A fee of <see cref="PathSearch.MaxCost"/> or more counts as unpayable (null).
/// </summary>
internal readonly struct FeeBasis
{
    private const ulong Million = Photon.Protocol.Routing.FeeSchedule.Million;
    private readonly UInt128 _value;
    private readonly ulong _q;
    private readonly ulong _r;
    private readonly bool _small;

    /// <param name="value">At most <see cref="PathSearch.MaxValue"/>.</param>
    public FeeBasis(UInt256 value)
    {
        _value = (UInt128)value.ToBigInteger();
        var q = _value / Million;
        _small = q <= ulong.MaxValue;
        _q = (ulong)q;
        _r = (ulong)(_value % Million);
    }

    public UInt128? FeeOf(in DirectedEdge edge)
    {
        if (edge.FlatTooLarge)
            return null;
        UInt128 proportional;
        if (edge.Millionths == 0)
        {
            proportional = 0;
        }
        else if (_small && edge.Millionths <= Million && Math.BigMul(_q, edge.Millionths, out var low) == 0 && low <= ulong.MaxValue - (_r * edge.Millionths / Million))
        {
            // The common case in 64 bits: r·m < 10^12 and q·m fits (no 128-bit division on the hot path).
            proportional = low + (_r * edge.Millionths / Million);
        }
        else
        {
            var wide = System.Numerics.BigInteger.Multiply(_value, edge.Millionths) / Million;
            if (wide >= PathSearch.MaxCost)
                return null;
            proportional = (UInt128)wide;
        }
        return edge.Flat >= PathSearch.MaxCost - proportional ? null : edge.Flat + proportional;
    }
}
