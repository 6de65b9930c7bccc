using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Tests.Channels;

namespace Photon.Protocol.Tests.Negotiation;

/// <summary>One real node of a test: its key, its state machine and its current state.</summary>
internal sealed class NegotiationNode(PrivateKey key)
{
    public PrivateKey Key { get; } = key;

    public Address Address => Key.Address;

    public StateMachine Machine { get; } = new(key);

    public NodeState State { get; set; } = new(key.Address, ChannelFixtures.ChainId);

    /// <summary>The node's view of the test channel.</summary>
    public Channel Channel => State.TokenNetworks[ChannelFixtures.TokenNetwork].Channels[ChannelFixtures.ChannelId];

    public IReadOnlyList<Event> Apply(StateChange change, ulong block)
    {
        var result = Machine.Transition(State, change, new BlockContext(block));
        State = result.State;
        return result.Events;
    }

    /// <summary>Replaces the node's view of the test channel (to set up states no message flow reaches yet).</summary>
    public void SetChannel(Channel channel)
    {
        var network = State.TokenNetworks[ChannelFixtures.TokenNetwork];
        State = State with { TokenNetworks = State.TokenNetworks.SetItem(network.Address, network.WithChannel(channel)) };
    }

    /// <summary>The one message of <paramref name="payload"/> type among <paramref name="events"/>.</summary>
    public static Message Sent(IReadOnlyList<Event> events, Message.PayloadOneofCase payload) =>
        Assert.Single(events.OfType<SendMessage>(), send => send.Message.PayloadCase == payload).Message;
}
