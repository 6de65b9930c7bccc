using Photon.Protocol.Events;

namespace Photon.Node.Runtime;

/// <summary>An event after its commit, with its journal id (the subscriber index) and the block the node was at.</summary>
public sealed record DispatchedEvent(long Id, Event Event, ulong Block);
