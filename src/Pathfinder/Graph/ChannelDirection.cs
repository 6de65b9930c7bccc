using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Pathfinder.Graph;

/// <summary>One direction of an open channel: what <see cref="From"/> can lock towards <see cref="To"/> and what it charges to forward through it.</summary>
public sealed record ChannelDirection(Address From, Address To, UInt256 Capacity, FeeSchedule Fees);
