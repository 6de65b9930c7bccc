using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using static Photon.Protocol.Tests.Channels.ChannelFixtures;

namespace Photon.Protocol.Tests.OnChain;

/// <summary>A node driven only through <see cref="StateMachine.Transition"/>: its key, its state and the events of its last transition.</summary>
internal sealed class TestNode(PrivateKey key)
{
    private readonly StateMachine _machine = new(key);

    public PrivateKey Key { get; } = key;

    public Address Address => Key.Address;

    public NodeState State { get; set; } = new(key.Address, ChainId, blockNumber: 1);

    public ulong Block => State.BlockNumber;

    public Channel Channel => State.TokenNetworks[TokenNetwork].Channels[ChannelId];

    /// <summary>Applies <paramref name="change"/> at <paramref name="block"/> (default: the node's current block).</summary>
    public ImmutableArray<Event> Apply(StateChange change, ulong? block = null)
    {
        var result = _machine.Transition(State, change, new BlockContext(block ?? State.BlockNumber));
        State = result.State;
        return result.Events;
    }

    /// <summary>Applies <paramref name="change"/> twice: the second time must change nothing and emit nothing.</summary>
    public ImmutableArray<Event> ApplyTwice(StateChange change, ulong? block = null)
    {
        var events = Apply(change, block);
        var state = State;
        var again = Apply(change, block);
        Assert.Empty(again);
        Assert.Equal(state, State);
        return events;
    }

    /// <summary>Advances to <paramref name="block"/> with a Block state change.</summary>
    public ImmutableArray<Event> AdvanceTo(ulong block) => Apply(new Block(block), block);

    /// <summary>Replaces the channel in the state, as a received message would have.</summary>
    public void SetChannel(Channel channel)
    {
        var network = State.TokenNetworks[TokenNetwork];
        State = State with { TokenNetworks = State.TokenNetworks.SetItem(TokenNetwork, network.WithChannel(channel)) };
    }
}
