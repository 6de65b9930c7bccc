using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Runtime;

/// <summary>
/// The block context the node gives each state change (docs/node.md "Runtime"): the state's own block,
/// except <see cref="Block"/>(n), which moves the clock to n. It depends on nothing but the state and the
/// change, so replaying the journal needs no stored clock and gives the same transitions.
/// </summary>
public static class BlockClock
{
    public static BlockContext ContextFor(NodeState state, StateChange change)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new BlockContext(change is Block block ? Math.Max(block.Number, state.BlockNumber) : state.BlockNumber);
    }

    /// <summary>Applies <paramref name="changes"/> to <paramref name="state"/> in order, dropping the events (recovery: they were dispatched before).</summary>
    public static NodeState Replay(StateMachine machine, NodeState state, IEnumerable<StateChange> changes)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
            state = machine.Transition(state, change, ContextFor(state, change)).State;
        return state;
    }
}
