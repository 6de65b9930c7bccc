using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>The graph's tables as one search reads them, under the graph's read lock.</summary>
internal readonly record struct SearchView(
    Dictionary<Address, int> NodeIndex,
    List<Address> Nodes,
    List<List<DirectedEdge>> Incoming,
    List<bool> Offline);
