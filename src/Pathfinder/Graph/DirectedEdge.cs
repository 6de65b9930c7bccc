using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>
/// One direction of an open channel as the search reads it: <see cref="From"/> can lock up to <see cref="Capacity"/>
/// towards <see cref="To"/>, and charges <see cref="Flat"/> + <see cref="Millionths"/>/10^6 of the target amount to
/// forward a payment out through it. Node fields are indices into the graph's node table.
/// </summary>
internal struct DirectedEdge
{
    public int From;
    public int To;
    public UInt256 Capacity;
    public UInt256 Flat;
    public ulong Millionths;
}
