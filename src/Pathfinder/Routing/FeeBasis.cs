using Photon.Ethereum;
using Photon.Pathfinder.Graph;

namespace Photon.Pathfinder.Routing;

/// <summary>
/// The fee of every edge for one payment value, computed without allocating: value = q·10^6 + r, so
/// ⌊value·m / 10^6⌋ = q·m + ⌊r·m / 10^6⌋ exactly; equal to <see cref="Photon.Protocol.Routing.FeeSchedule.FeeFor"/>,
/// which the mediators check.
/// </summary>
internal readonly struct FeeBasis
{
    private const ulong Million = Photon.Protocol.Routing.FeeSchedule.Million;
    private readonly UInt256 _value;
    private readonly ulong _q;
    private readonly ulong _r;
    private readonly bool _small;

    public FeeBasis(UInt256 value)
    {
        _value = value;
        var q = value / Million;
        _small = q <= ulong.MaxValue;
        _q = _small ? (ulong)q : 0;
        _r = (ulong)(value % Million);
    }

    public UInt256 FeeOf(in DirectedEdge edge)
    {
        if (edge.Millionths == 0)
            return edge.Flat;
        if (_small)
        {
            // q < 2^64 and m < 2^64: q·m < 2^128; r·m < 2^84. Their sum can still wrap for absurd m, so check.
            var high = (UInt128)_q * edge.Millionths;
            var low = (UInt128)_r * edge.Millionths / Million;
            if (high <= UInt128.MaxValue - low)
            {
                var proportional = high + low;
                return edge.Flat + new UInt256((ulong)proportional, (ulong)(proportional >> 64));
            }
        }
        return edge.Flat + UInt256.FromBigInteger(_value.ToBigInteger() * edge.Millionths / Million);
    }
}
