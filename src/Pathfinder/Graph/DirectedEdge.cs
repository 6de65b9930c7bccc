namespace Photon.Pathfinder.Graph;

/// <summary>
/// One direction of an open channel, stored in the incoming list of its <see cref="To"/> node so that a search reads a
/// node's edges from contiguous memory: <see cref="From"/> can lock up to <see cref="Capacity"/> towards the node,
/// and charges <see cref="Flat"/> + <see cref="Millionths"/>/10^6 of the target amount to forward out through it.
/// Amounts are 128-bit here (native arithmetic): a capacity above 2^128 − 1 reads as 2^128 − 1, which no route can
/// need, and a flat fee that does not fit makes the direction unusable for forwarding (<see cref="FlatTooLarge"/>).
/// </summary>
internal struct DirectedEdge
{
    public int From;
    public int To;

    /// <summary>2·slot (participant 1 → 2) or 2·slot + 1: stable while the channel is open.</summary>
    public int Id;
    public UInt128 Capacity;
    public UInt128 Flat;
    public ulong Millionths;
    public bool FlatTooLarge;
}
