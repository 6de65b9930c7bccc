using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>The graph's tables as one search reads them, under the graph's read lock.</summary>
internal readonly record struct SearchView(
    IReadOnlyDictionary<Address, int> NodeIndex,
    IReadOnlyList<Address> Nodes,
    IReadOnlyList<List<int>> Incoming,
    IReadOnlyList<bool> Offline,
    DirectedEdge[] Edges);
