using System.Collections.Immutable;
using Photon.Protocol.Events;
using Photon.Protocol.State;

namespace Photon.Protocol.Machine;

/// <summary>The state after a transition and the events it produced, in order.</summary>
public sealed record TransitionResult(NodeState State, ImmutableArray<Event> Events)
{
    public bool Equals(TransitionResult? other) => other is not null && State.Equals(other.State) && Events.SequenceEqual(other.Events);

    public override int GetHashCode() => HashCode.Combine(State, Events.Length);
}
