using System.Numerics;
using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>What the graph of one token network holds: nodes with an open channel, how many are online, open channels, and the capacity of all directions together.</summary>
public sealed record GraphSummary(Address TokenNetwork, int Nodes, int OnlineNodes, int Channels, BigInteger TotalCapacity);
