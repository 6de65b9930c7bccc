using Google.Protobuf;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Protocol.Tests.Network;

/// <summary>
/// An in-memory network of nodes driven only by calls (DESIGN.md §12): nothing happens unless a test
/// delivers a message, advances a block or gives a node an action. The harness draws randomness only from
/// the <see cref="Random"/> the test passes in (random delivery orders, reordering) and orders every
/// list it draws from by content, never by hash.
/// </summary>
/// <remarks>
/// Messages travel as the shell would send them: every <see cref="SendMessage"/> is sealed with
/// <see cref="MessageCodec.Sign"/> and the sender's key, encoded to bytes and queued; delivering opens the
/// bytes with <see cref="MessageCodec.Open(ReadOnlySpan{byte})"/> and gives the recipient
/// <c>ReceiveMessage(sender, message)</c>. Envelopes that do not open are dropped (and kept in
/// <see cref="RejectedEnvelopes"/>), as the shell drops them. <c>ContractSend*</c> events go to the
/// chain's ledger; registerSecret is executed (SecretRevealed to every node, after
/// <see cref="SimulatedChain.SecretRegistrationDelay"/> blocks).
/// </remarks>
internal sealed class TestNetwork
{
    public const ulong ChainId = 31337;
    public const ulong FirstBlock = 1;

    public static readonly Address Token = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    public static readonly Address TokenNetworkAddress = Address.Parse("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9");

    /// <summary>The reveal timeout of every node unless a test chooses otherwise; channels use min(this, settle timeout / 2).</summary>
    public static readonly ProtocolSettings DefaultSettings = new(10, Routing.FeeSchedule.Free);

    private readonly List<TestNode> _nodes = [];
    private readonly Dictionary<Address, TestNode> _byAddress = [];
    private readonly List<InFlightMessage> _inFlight = [];
    private readonly List<InFlightMessage> _rejected = [];
    private readonly HashSet<Address> _disconnected = [];
    private readonly Random _random;
    private bool _mining;

    /// <param name="nodeCount">Nodes named A, B, C, … with keys derived from their index (the same in every test).</param>
    /// <param name="random">The test's seeded generator; the network draws from nothing else.</param>
    /// <param name="settings">Every node's policy (<see cref="DefaultSettings"/> when null).</param>
    public TestNetwork(int nodeCount, Random random, ProtocolSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeCount, 26);
        _random = random;
        Chain = new SimulatedChain(ChainId, FirstBlock, Token, TokenNetworkAddress);
        for (var i = 0; i < nodeCount; i++)
        {
            var key = KeyOf(i);
            var node = new TestNode(((char)('A' + i)).ToString(), key, new NodeState(key.Address, ChainId, FirstBlock, settings ?? DefaultSettings), TokenNetworkAddress);
            _nodes.Add(node);
            _byAddress.Add(node.Address, node);
        }
        foreach (var node in _nodes)
            Apply(node, new ContractReceiveTokenNetworkCreated(Token, TokenNetworkAddress, Chain.BlockNumber));
    }

    public SimulatedChain Chain { get; }

    public IReadOnlyList<TestNode> Nodes => _nodes;

    public TestNode this[string name] => _nodes.Find(n => n.Name == name) ?? throw new ArgumentException($"no node {name}", nameof(name));

    /// <summary>Messages on the wire, oldest first.</summary>
    public IReadOnlyList<InFlightMessage> InFlight => _inFlight;

    /// <summary>Delivered envelopes that did not open (bad signature, not canonical, …): dropped unread.</summary>
    public IReadOnlyList<InFlightMessage> RejectedEnvelopes => _rejected;

    /// <summary>Messages delivered so far (all nodes).</summary>
    public int Deliveries { get; private set; }

    /// <summary>Messages lost because their sender or recipient was disconnected.</summary>
    public int Lost { get; private set; }

    /// <summary>
    /// Cuts <paramref name="node"/>'s link: until <see cref="Reconnect"/>, every message it sends or is sent
    /// is lost on delivery. The node still follows the chain (blocks, registered secrets), as a node whose
    /// relay is down but whose Ethereum client is not.
    /// </summary>
    public void Disconnect(TestNode node) => _disconnected.Add(node.Address);

    public void Reconnect(TestNode node) => _disconnected.Remove(node.Address);

    /// <summary>The key of node <paramref name="index"/>: fixed, so that failures reproduce across runs.</summary>
    public static PrivateKey KeyOf(int index) => PrivateKey.FromBytes(Keccak256.Hash($"photon test network node {index}").ToArray());

    public TestNode NodeAt(Address address) => _byAddress[address];

    /// <summary>
    /// Gives <paramref name="node"/> one state change at the current block; its messages go on the wire and
    /// its transactions to the chain. Registrations due now are mined before this returns.
    /// </summary>
    public TransitionResult Apply(TestNode node, StateChange stateChange)
    {
        var result = node.Apply(stateChange, new BlockContext(Chain.BlockNumber));
        foreach (var @event in result.Events)
            Route(node, @event);
        MineDue();
        return result;
    }

    /// <summary>
    /// Opens a channel on chain and feeds ChannelOpened and the (non-zero) deposits to both participants.
    /// </summary>
    public UInt256 OpenChannel(TestNode a, TestNode b, UInt256 depositA, UInt256 depositB, ulong settleTimeout = 100)
    {
        var channel = Chain.OpenChannel(a.Address, b.Address, depositA, depositB, settleTimeout);
        foreach (var node in new[] { a, b })
            Apply(node, new ContractReceiveChannelOpened(TokenNetworkAddress, channel.ChannelId, a.Address, b.Address, settleTimeout, Chain.BlockNumber));
        foreach (var (participant, deposit) in new[] { (a, depositA), (b, depositB) })
        {
            if (deposit.IsZero)
                continue;
            foreach (var node in new[] { a, b })
                Apply(node, new ContractReceiveChannelDeposit(TokenNetworkAddress, channel.ChannelId, participant.Address, deposit, Chain.BlockNumber));
        }
        return channel.ChannelId;
    }

    /// <summary>
    /// Mines <paramref name="count"/> blocks: for each, the registrations due in it reach every node, then
    /// every node sees the Block (so a node knows a secret registered in block N before its block-N timers run).
    /// </summary>
    public void AdvanceBlocks(ulong count = 1)
    {
        for (ulong i = 0; i < count; i++)
        {
            Chain.AdvanceOneBlock();
            MineDue();
            var block = new Block(Chain.BlockNumber);
            foreach (var node in _nodes)
                Apply(node, block);
        }
    }

    // ---- transport -----------------------------------------------------------------------------

    /// <summary>Delivers the oldest message in flight; false when none is.</summary>
    public bool DeliverNext()
    {
        if (_inFlight.Count == 0)
            return false;
        Deliver(0);
        return true;
    }

    /// <summary>
    /// Delivers the message at <paramref name="index"/> of <see cref="InFlight"/>; a message from or to a
    /// disconnected node is lost instead.
    /// </summary>
    public void Deliver(int index)
    {
        var message = _inFlight[index];
        _inFlight.RemoveAt(index);
        if (_disconnected.Contains(message.From) || _disconnected.Contains(message.To))
        {
            Lost++;
            return;
        }
        Deliveries++;
        var recipient = _byAddress.GetValueOrDefault(message.To)
            ?? throw new InvalidOperationException($"{message}: the recipient is not a node of this network");
        VerifiedMessage opened;
        try
        {
            opened = MessageCodec.Open(message.Bytes);
        }
        catch (InvalidMessageException)
        {
            _rejected.Add(message);
            return;
        }
        Apply(recipient, new ReceiveMessage(opened.Sender, opened.Message));
    }

    /// <summary>Delivers the message in flight that <paramref name="match"/> finds first (oldest first).</summary>
    public void Deliver(Func<InFlightMessage, bool> match)
    {
        var index = _inFlight.FindIndex(m => match(m));
        if (index < 0)
            throw new InvalidOperationException("no message in flight matches");
        Deliver(index);
    }

    /// <summary>Delivers the messages in flight now, oldest first; messages they cause stay queued. Returns how many.</summary>
    public int DeliverAll()
    {
        var count = _inFlight.Count;
        for (var i = 0; i < count; i++)
            Deliver(0);
        return count;
    }

    /// <summary>Delivers one message chosen at random among those in flight; false when none is.</summary>
    public bool DeliverRandom()
    {
        if (_inFlight.Count == 0)
            return false;
        Deliver(_random.Next(_inFlight.Count));
        return true;
    }

    /// <summary>
    /// Delivers the oldest message of a link (sender → recipient) chosen at random among those with
    /// messages in flight: links interleave at random, each keeps its order (as a relay does). False when
    /// nothing is in flight.
    /// </summary>
    public bool DeliverOnRandomLink()
    {
        if (_inFlight.Count == 0)
            return false;
        var chosen = _inFlight[_random.Next(_inFlight.Count)];
        Deliver(_inFlight.FindIndex(m => m.From == chosen.From && m.To == chosen.To));
        return true;
    }

    public void Drop(int index) => _inFlight.RemoveAt(index);

    public void DropAll() => _inFlight.Clear();

    /// <summary>Puts a second copy of the message at <paramref name="index"/> at the end of the queue.</summary>
    public void Duplicate(int index) => _inFlight.Add(_inFlight[index]);

    /// <summary>Shuffles the messages in flight.</summary>
    public void Reorder()
    {
        for (var i = _inFlight.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (_inFlight[i], _inFlight[j]) = (_inFlight[j], _inFlight[i]);
        }
    }

    /// <summary>Takes the message at <paramref name="index"/> off the wire (to tamper with it or hold it back).</summary>
    public InFlightMessage Take(int index)
    {
        var message = _inFlight[index];
        _inFlight.RemoveAt(index);
        return message;
    }

    /// <summary>
    /// The shell's resend timer: every message still in <paramref name="node"/>'s outbox goes on the wire
    /// again; with <paramref name="lostOnly"/>, only those with no copy on the wire (a timer that waits
    /// long enough not to pile copies onto a slow link).
    /// </summary>
    public void Retry(TestNode node, bool lostOnly = false)
    {
        foreach (var outgoing in node.State.Outbox.Values)
        {
            if (lostOnly && _inFlight.Exists(m => m.From == node.Address && m.To == outgoing.Recipient && m.MessageId == outgoing.MessageId && m.Kind == outgoing.Message.PayloadCase))
                continue;
            Send(node, outgoing.Recipient, outgoing.Message);
        }
    }

    public void RetryAll(bool lostOnly = false)
    {
        foreach (var node in _nodes)
            Retry(node, lostOnly);
    }

    /// <summary>
    /// Puts <paramref name="message"/> on the wire to <paramref name="to"/> in an envelope signed by
    /// <paramref name="signer"/> (which need not be a node: a stranger, or a node impersonating another).
    /// </summary>
    public void Inject(PrivateKey signer, TestNode to, Message message) =>
        _inFlight.Add(new InFlightMessage(signer.Address, to.Address, MessageCodec.Sign(message, signer).ToByteArray(), message.MessageId, message.PayloadCase));

    /// <summary>Puts raw bytes on the wire (an envelope a test built or damaged).</summary>
    public void InjectBytes(Address from, TestNode to, byte[] bytes, Message.PayloadOneofCase kind = Message.PayloadOneofCase.None) =>
        _inFlight.Add(new InFlightMessage(from, to.Address, bytes, 0, kind));

    /// <summary>
    /// Delivers (oldest first, or in a random order) until nothing is in flight. Fails the test after
    /// <paramref name="maxDeliveries"/> deliveries: a protocol that keeps talking forever is a bug.
    /// </summary>
    public void RunUntilQuiet(int maxDeliveries = 100_000, bool randomOrder = false)
    {
        var delivered = 0;
        while (_inFlight.Count > 0)
        {
            if (delivered++ >= maxDeliveries)
                Assert.Fail($"still {_inFlight.Count} messages in flight after {maxDeliveries} deliveries, e.g. {_inFlight[0]}");
            if (randomOrder)
                Deliver(_random.Next(_inFlight.Count));
            else
                Deliver(0);
        }
    }

    /// <summary>
    /// Delivers what is in flight (oldest first, or in a random order), then resends and delivers until
    /// every outbox is empty (each message acknowledged), as the shell's resend timer does on a working
    /// link. Resends go out and arrive in outbox order, as a shell's do: a link that shuffled every resend
    /// would let a partner accept the next nonce only by luck. Fails the test when outboxes are still not
    /// empty after <paramref name="maxRounds"/> rounds of resending.
    /// </summary>
    public void RunUntilAcknowledged(int maxRounds = 20, bool randomOrder = false)
    {
        RunUntilQuiet(randomOrder: randomOrder);
        for (var round = 0; _nodes.Exists(n => !n.State.Outbox.IsEmpty); round++)
        {
            if (round >= maxRounds)
            {
                var stuck = _nodes.Where(n => !n.State.Outbox.IsEmpty)
                    .SelectMany(n => n.State.Outbox.Values.Select(o => $"{n.Name}: {o.Message.PayloadCase} #{o.MessageId} to {NodeAt(o.Recipient).Name} ({LastRefusal(n, o)})"));
                Assert.Fail($"outboxes not acknowledged after {maxRounds} resends: {string.Join("; ", stuck)}");
            }
            RetryAll();
            RunUntilQuiet();
        }
    }

    // Why the recipient keeps refusing a message, for the failure message.
    private string LastRefusal(TestNode sender, OutgoingMessage outgoing) =>
        NodeAt(outgoing.Recipient).Events.OfType<EventMessageRefused>().LastOrDefault(r => r.Sender == sender.Address && r.MessageId == outgoing.MessageId)?.Refusal.ToString()
        ?? "never refused";

    /// <summary>True when no message is in flight and no node waits for an acknowledgement.</summary>
    public bool IsQuiet => _inFlight.Count == 0 && _nodes.TrueForAll(n => n.State.Outbox.IsEmpty);

    private void Send(TestNode from, Address to, Message message) =>
        _inFlight.Add(new InFlightMessage(from.Address, to, MessageCodec.Sign(message, from.Key).ToByteArray(), message.MessageId, message.PayloadCase));

    private void Route(TestNode node, Event @event)
    {
        if (@event is SendMessage send)
            Send(node, send.Recipient, send.Message);
        else if (@event.GetType().Name.StartsWith("ContractSend", StringComparison.Ordinal))
            Chain.Submit(node.Address, @event);
    }

    // Registrations are mined by the outermost Apply only: the SecretRevealed it feeds to every node may
    // cause more registrations, which this loop picks up, instead of recursing.
    private void MineDue()
    {
        if (_mining)
            return;
        _mining = true;
        try
        {
            while (Chain.HasDueRegistrations)
            {
                foreach (var revealed in Chain.MineDueRegistrations())
                    foreach (var node in _nodes)
                        Apply(node, revealed);
            }
        }
        finally
        {
            _mining = false;
        }
    }

    /// <summary>The message in flight as a parsed Message (to inspect or tamper with).</summary>
    public static Message Parse(InFlightMessage message) => Message.Parser.ParseFrom(SignedMessage.Parser.ParseFrom(message.Bytes).Body);

    /// <summary>The bytes of <paramref name="message"/> re-enveloped by <paramref name="signer"/>.</summary>
    public static byte[] Seal(Message message, PrivateKey signer) => MessageCodec.Sign(message, signer).ToByteArray();

    /// <summary>The envelope's bytes re-encoded (for tests that damage one byte).</summary>
    public static byte[] Envelope(ByteString body, ByteString signature) => new SignedMessage { Body = body, Signature = signature }.ToByteArray();
}
