using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// One node of a <see cref="TestNetwork"/>: a real key, its state machine, its current state, and every
/// input it was given with the state and events that followed (for replay and for assertions on events).
/// </summary>
internal sealed class TestNode
{
    private readonly List<RecordedTransition> _history = [];
    private readonly Address _tokenNetwork;

    public TestNode(string name, PrivateKey key, NodeState initialState, Address tokenNetwork)
    {
        if (initialState.Our != key.Address)
            throw new ArgumentException($"the state is {initialState.Our}'s, the key {key.Address}'s", nameof(initialState));
        Name = name;
        Key = key;
        Machine = new StateMachine(key);
        InitialState = initialState;
        State = initialState;
        _tokenNetwork = tokenNetwork;
    }

    public string Name { get; }

    public PrivateKey Key { get; }

    public Address Address => Key.Address;

    public StateMachine Machine { get; }

    public NodeState InitialState { get; }

    public NodeState State { get; private set; }

    public IReadOnlyList<RecordedTransition> History => _history;

    /// <summary>Every event this node produced, in order.</summary>
    public IEnumerable<Event> Events => _history.SelectMany(h => h.Events);

    /// <summary>The events of the latest transition.</summary>
    public IReadOnlyList<Event> LastEvents => _history.Count == 0 ? [] : _history[^1].Events;

    /// <summary>Runs one transition at <paramref name="block"/> and records it.</summary>
    public TransitionResult Apply(StateChange stateChange, BlockContext block)
    {
        var result = Machine.Transition(State, stateChange, block);
        State = result.State;
        _history.Add(new RecordedTransition(stateChange, block, result.State, result.Events));
        return result;
    }

    /// <summary>This node's channel with <paramref name="partner"/> in the network's token network.</summary>
    public Channel ChannelWith(TestNode partner) =>
        State.TokenNetwork(_tokenNetwork)?.ChannelWith(partner.Address)
        ?? throw new InvalidOperationException($"{Name} has no channel with {partner.Name}");

    /// <summary>What this node can still pay <paramref name="partner"/> in their channel, as it sees it.</summary>
    public UInt256 Distributable(TestNode partner)
    {
        var channel = ChannelWith(partner);
        return Balances.Distributable(channel.Our, channel.Partner);
    }

    /// <summary>
    /// Every channel this node knows in the network's token network, by channel id (a dictionary's own order
    /// follows hash codes, which differ from process to process, and tests draw from this list).
    /// </summary>
    public IEnumerable<Channel> Channels => State.TokenNetwork(_tokenNetwork)?.Channels.Values.OrderBy(c => c.ChannelId) ?? Enumerable.Empty<Channel>();

    public override string ToString() => $"{Name} ({Address})";
}
