using System.Collections.Immutable;
using Photon.Ethereum;

namespace Photon.Protocol.Routing;

/// <summary>
/// A candidate path for a payment, from the pathfinder or the node's own view: <see cref="Hops"/>
/// lists the nodes after the initiator, the first being its channel partner and the last the target;
/// <see cref="Fee"/> is what the mediators (every hop but the last) charge together.
/// </summary>
public sealed record Route
{
    public Route(ImmutableArray<Address> hops, UInt256 fee)
    {
        if (hops.IsDefaultOrEmpty)
            throw new ArgumentException("a route has at least one hop, the target", nameof(hops));
        if (hops.Distinct().Count() != hops.Length)
            throw new ArgumentException("a route visits every node at most once", nameof(hops));
        Hops = hops;
        Fee = fee;
    }

    public ImmutableArray<Address> Hops { get; }

    public UInt256 Fee { get; }

    public Address FirstHop => Hops[0];

    public Address Target => Hops[^1];

    public bool Equals(Route? other) => other is not null && Fee == other.Fee && Hops.SequenceEqual(other.Hops);

    public override int GetHashCode() => HashCode.Combine(Fee, Hops.Length, Hops[0]);

    public override string ToString() => $"Route {{ {string.Join(" → ", Hops)}, fee {Fee} }}";
}
