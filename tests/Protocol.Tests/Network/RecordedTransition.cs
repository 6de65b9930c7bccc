using System.Collections.Immutable;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Tests.Network;

/// <summary>One input a node received, the block it saw, and what the transition gave: enough to replay it.</summary>
internal sealed record RecordedTransition(StateChange StateChange, BlockContext Block, NodeState StateAfter, ImmutableArray<Event> Events);
