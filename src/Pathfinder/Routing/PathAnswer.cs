using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Routing;

/// <summary>The routes found, cheapest first; when there are none, <see cref="NoRouteReason"/> says why.</summary>
public sealed record PathAnswer(IReadOnlyList<Route> Routes, string? NoRouteReason)
{
    public static PathAnswer None(string reason) => new([], reason);
}
