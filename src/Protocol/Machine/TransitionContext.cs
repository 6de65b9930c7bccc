using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Machine;

/// <summary>
/// The working state of one transition: handlers read and replace <see cref="State"/> and append
/// events. Local to a single <see cref="StateMachine.Transition"/> call, so the mutation never escapes:
/// the caller sees only the final immutable state and the event list.
/// </summary>
internal sealed class TransitionContext(NodeState state, BlockContext block, PrivateKey key)
{
    private readonly List<Event> _events = [];

    public NodeState State { get; set; } = state;

    public BlockContext Block { get; } = block;

    public ulong BlockNumber => Block.Number;

    public PrivateKey Key { get; } = key;

    public Address Our => State.Our;

    public IReadOnlyList<Event> Events => _events;

    public void Emit(Event @event) => _events.Add(@event);

    /// <summary>A new message with the next message id; the id is used up whether or not it is sent.</summary>
    public Message NewMessage()
    {
        var id = State.NextMessageId;
        State = State with { NextMessageId = id + 1 };
        return new Message { MessageId = id };
    }

    /// <summary>Sends <paramref name="message"/> and keeps it in the outbox until <paramref name="recipient"/> acknowledges it.</summary>
    public void Send(Address recipient, Message message)
    {
        var outgoing = new OutgoingMessage(recipient, message);
        State = State with { Outbox = State.Outbox.SetItem(message.MessageId, outgoing) };
        Emit(new SendMessage(recipient, message));
    }

    /// <summary>
    /// Acknowledges <paramref name="received"/>: with Delivered for the messages that only carry
    /// information (SecretRequest, RevealSecret), Processed for those that changed or could change
    /// state. Acknowledgements have id 0, are not queued and are not acknowledged themselves.
    /// </summary>
    public void Acknowledge(ReceiveMessage received)
    {
        var id = received.Message.MessageId;
        var ack = received.Message.PayloadCase is Message.PayloadOneofCase.SecretRequest or Message.PayloadOneofCase.RevealSecret
            ? new Message { Delivered = new Delivered { DeliveredMessageId = id } }
            : new Message { Processed = new Processed { ProcessedMessageId = id } };
        Emit(new SendMessage(received.Sender, ack));
    }

    public void RefuseMessage(ReceiveMessage received, RefusalReason reason, string message) =>
        RefuseMessage(received, new Refusal(reason, message));

    /// <summary>
    /// Reads fields of a received message with the strict wire codecs: a field they refuse refuses the
    /// whole message (<see cref="RefusalReason.InvalidMessage"/>), before anything changes.
    /// </summary>
    public bool TryRead<T>(ReceiveMessage received, Func<T> read, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (InvalidMessageException e)
        {
            RefuseMessage(received, RefusalReason.InvalidMessage, e.Message);
            value = default;
            return false;
        }
    }

    public void RefuseMessage(ReceiveMessage received, Refusal refusal) =>
        Emit(new EventMessageRefused(received.Sender, received.Message.MessageId, received.Message.PayloadCase.ToString(), refusal));

    public void RefuseAction(StateChange action, RefusalReason reason, string message) =>
        Emit(new EventActionRefused(action, new Refusal(reason, message)));

    public TokenNetworkState? TokenNetwork(Address tokenNetwork) => State.TokenNetworks.GetValueOrDefault(tokenNetwork);

    public Channel? Channel(Address tokenNetwork, UInt256 channelId) =>
        TokenNetwork(tokenNetwork)?.Channels.GetValueOrDefault(channelId);

    public Channel? ChannelWith(Address tokenNetwork, Address partner) => TokenNetwork(tokenNetwork)?.ChannelWith(partner);

    /// <summary>Stores <paramref name="channel"/> (which must belong to a known token network) in the state.</summary>
    public void SetChannel(Channel channel)
    {
        var network = TokenNetwork(channel.TokenNetwork)
            ?? throw new InvalidOperationException($"token network {channel.TokenNetwork} is not known");
        State = State with { TokenNetworks = State.TokenNetworks.SetItem(network.Address, network.WithChannel(channel)) };
    }

    /// <summary>
    /// The channel a wire ChannelRef names, or a refusal: the chain, the token network and the channel
    /// must all be known to this node.
    /// </summary>
    public Channel? ResolveChannel(ChannelRef? reference, out Refusal? refusal)
    {
        refusal = null;
        if (reference is null)
        {
            refusal = new Refusal(RefusalReason.InvalidMessage, "the channel reference is missing");
            return null;
        }
        if (reference.ChainId != State.ChainId)
        {
            refusal = new Refusal(RefusalReason.WrongChainId, $"the message is for chain {reference.ChainId}, this node is on chain {State.ChainId}");
            return null;
        }
        Address tokenNetwork;
        UInt256 channelId;
        try
        {
            tokenNetwork = WireValues.ReadAddress(reference.TokenNetwork, "channel.token_network");
            channelId = WireValues.ReadUInt256(reference.ChannelId, "channel.channel_id");
        }
        catch (InvalidMessageException e)
        {
            refusal = new Refusal(RefusalReason.InvalidMessage, e.Message);
            return null;
        }
        if (TokenNetwork(tokenNetwork) is not { } network)
        {
            refusal = new Refusal(RefusalReason.WrongTokenNetwork, $"token network {tokenNetwork} is not known to this node");
            return null;
        }
        if (!network.Channels.TryGetValue(channelId, out var channel))
        {
            refusal = new Refusal(RefusalReason.WrongChannelId, $"channel {channelId} of {tokenNetwork} is not one of this node's");
            return null;
        }
        return channel;
    }
}
