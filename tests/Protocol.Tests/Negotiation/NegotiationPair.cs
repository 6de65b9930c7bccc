using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Tests.Channels;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Negotiation;

/// <summary>
/// Two real state machines sharing one channel, opened and funded through the chain events both see.
/// Messages travel by hand, through the wire envelope (MessageCodec.Sign, then Open), so the receiver
/// sees exactly the sender the envelope proves.
/// </summary>
internal sealed class NegotiationPair
{
    public static readonly Address Token = Address.Parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");

    private NegotiationPair()
    {
    }

    /// <summary>The node of <see cref="ChannelFixtures.OurKey"/>.</summary>
    public NegotiationNode Alice { get; } = new(ChannelFixtures.OurKey);

    /// <summary>The node of <see cref="ChannelFixtures.PartnerKey"/>.</summary>
    public NegotiationNode Bob { get; } = new(ChannelFixtures.PartnerKey);

    /// <summary>The block both nodes are at.</summary>
    public ulong Block { get; private set; }

    public static NegotiationPair Opened(ulong aliceDeposit = 1_000, ulong bobDeposit = 1_000)
    {
        var pair = new NegotiationPair();
        pair.Chain(new ContractReceiveTokenNetworkCreated(Token, ChannelFixtures.TokenNetwork, 1), 1);
        pair.Chain(new ContractReceiveChannelOpened(ChannelFixtures.TokenNetwork, ChannelFixtures.ChannelId, pair.Alice.Address, pair.Bob.Address, ChannelFixtures.SettleTimeout, 2), 2);
        pair.Chain(new ContractReceiveChannelDeposit(ChannelFixtures.TokenNetwork, ChannelFixtures.ChannelId, pair.Alice.Address, aliceDeposit, 3), 3);
        pair.Chain(new ContractReceiveChannelDeposit(ChannelFixtures.TokenNetwork, ChannelFixtures.ChannelId, pair.Bob.Address, bobDeposit, 3), 3);
        pair.AdvanceTo(10);
        return pair;
    }

    public NegotiationNode Other(NegotiationNode node) => node == Alice ? Bob : Alice;

    /// <summary>A chain event seen by both nodes at <paramref name="block"/>.</summary>
    public void Chain(StateChange change, ulong block)
    {
        Block = block;
        Alice.Apply(change, block);
        Bob.Apply(change, block);
    }

    /// <summary>Both nodes see block <paramref name="block"/>; returns each one's events.</summary>
    public (IReadOnlyList<Event> Alice, IReadOnlyList<Event> Bob) AdvanceTo(ulong block)
    {
        Block = block;
        return (Alice.Apply(new Block(block), block), Bob.Apply(new Block(block), block));
    }

    /// <summary>Applies a user action to <paramref name="node"/>.</summary>
    public IReadOnlyList<Event> Act(NegotiationNode node, StateChange action) => node.Apply(action, Block);

    /// <summary>Delivers <paramref name="message"/>, signed into its envelope by <paramref name="from"/>, to the other node.</summary>
    public IReadOnlyList<Event> Deliver(NegotiationNode from, Message message) => DeliverSignedBy(from.Key, Other(from), message);

    /// <summary>Delivers <paramref name="message"/> with an envelope signed by <paramref name="signer"/> to <paramref name="to"/>.</summary>
    public IReadOnlyList<Event> DeliverSignedBy(Ethereum.Crypto.PrivateKey signer, NegotiationNode to, Message message)
    {
        var verified = MessageCodec.Open(MessageCodec.Sign(message, signer));
        return to.Apply(new ReceiveMessage(verified.Sender, verified.Message), Block);
    }

    /// <summary>Delivers the one <paramref name="payload"/> message among <paramref name="events"/> of <paramref name="from"/>.</summary>
    public IReadOnlyList<Event> Forward(NegotiationNode from, IReadOnlyList<Event> events, Message.PayloadOneofCase payload) =>
        Deliver(from, NegotiationNode.Sent(events, payload));

    /// <summary>Puts a pending lock of Alice's towards Bob into both views of the channel, as a mediated transfer would.</summary>
    public void AliceLocks(Contracts.Locks.HashTimeLock hashTimeLock)
    {
        var alices = Alice.Channel;
        Alice.SetChannel(alices with { Our = ChannelFixtures.Expect(ChannelTransitions.ApplyLock(alices, Alice.Address, hashTimeLock, Block)) });
        var bobs = Bob.Channel;
        Bob.SetChannel(bobs with { Partner = ChannelFixtures.Expect(ChannelTransitions.ApplyLock(bobs, Alice.Address, hashTimeLock, Block)) });
    }
}
