using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Node.Runtime;
using Photon.Protocol.Events;
using Photon.Protocol.Messages;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;
using Photon.Relay.Transport;

namespace Photon.Node.Tests.Runtime;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync")]
public sealed class NodeRuntimeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly Address Token = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address TokenNetwork = Address.Parse("0x00000000000000000000000000000000000000b1");
    private readonly PrivateKey _key = PrivateKey.Generate();
    private readonly PrivateKey _partner = PrivateKey.Generate();
    private readonly GatedJournal _journal = new();
    private readonly RecordingTransport _transport;
    private NodeRuntime _runtime = null!;

    public NodeRuntimeTests() => _transport = new RecordingTransport(_key.Address);

    public async Task InitializeAsync()
    {
        _runtime = Create(new NodeRuntimeOptions { ResendInterval = TimeSpan.FromHours(1) });
        _runtime.Start();
        await _runtime.SubmitBatchAsync(
        [
            new ContractReceiveTokenNetworkCreated(Token, TokenNetwork, 1),
            new ContractReceiveChannelOpened(TokenNetwork, UInt256.One, _key.Address, _partner.Address, 500, 2),
            new ContractReceiveChannelDeposit(TokenNetwork, UInt256.One, _key.Address, new UInt256(100), 3),
            new Block(3),
        ], CancellationToken.None);
    }

    [Fact]
    public async Task Sends_a_message_only_after_the_commit_of_the_state_change_that_caused_it()
    {
        _journal.Hold();
        var pay = _runtime.SubmitAsync(new ActionDirectTransfer(TokenNetwork, _partner.Address, new UInt256(10), UInt256.One), CancellationToken.None);
        await Task.Delay(200);

        Assert.Empty(_transport.Sent);
        Assert.False(pay.IsCompleted);
        Assert.Equal(new UInt256(100), Balance(_runtime.State));

        _journal.Release();
        var events = await pay.WaitAsync(Patience);

        var sent = Assert.Single(_transport.Sent);
        Assert.Equal(_partner.Address, sent.Recipient);
        var opened = MessageCodec.Open(sent.Message);
        Assert.Equal(_key.Address, opened.Sender);
        Assert.Equal(Message.PayloadOneofCase.DirectTransfer, opened.Message.PayloadCase);
        Assert.Contains(events, e => e is EventPaymentSent);
        Assert.Equal(new UInt256(90), Balance(_runtime.State));
    }

    [Fact]
    public async Task A_failed_commit_stops_the_node_without_sending_or_publishing_anything()
    {
        var before = _runtime.State;
        _journal.FailWith = new IOException("disk full");

        await Assert.ThrowsAsync<IOException>(() => _runtime.SubmitAsync(new ActionDirectTransfer(TokenNetwork, _partner.Address, new UInt256(10), UInt256.One), CancellationToken.None));

        Assert.Empty(_transport.Sent);
        Assert.Same(before, _runtime.State);
        await Assert.ThrowsAsync<IOException>(() => _runtime.Completion.WaitAsync(Patience));
        await Assert.ThrowsAnyAsync<Exception>(() => _runtime.SubmitAsync(new Block(4), CancellationToken.None));
    }

    [Fact]
    public async Task Commits_the_state_changes_waiting_in_the_queue_together()
    {
        _journal.Hold();
        var first = _runtime.SubmitAsync(new Block(4), CancellationToken.None);
        await Task.Delay(100);
        var rest = Enumerable.Range(1, 10)
            .Select(i => _runtime.SubmitAsync(new ActionDirectTransfer(TokenNetwork, _partner.Address, UInt256.One, new UInt256((ulong)i)), CancellationToken.None))
            .ToList();
        _journal.Release();
        await first.WaitAsync(Patience);
        await Task.WhenAll(rest).WaitAsync(Patience);

        var commits = _journal.Commits;
        Assert.Equal(10, commits[^1].Count);
        Assert.Equal(10, _transport.Sent.Count);
        Assert.Equal(new UInt256(90), Balance(_runtime.State));
    }

    [Fact]
    public async Task Hands_a_received_message_to_the_state_machine_and_acknowledges_it()
    {
        var transfer = await PartnerPaysAsync(new UInt256(7));

        var ack = Assert.Single(_transport.Sent);
        var opened = MessageCodec.Open(ack.Message);
        Assert.Equal(Message.PayloadOneofCase.Processed, opened.Message.PayloadCase);
        Assert.Equal(transfer.MessageId, opened.Message.Processed.ProcessedMessageId);
    }

    [Fact]
    public async Task Re_sends_an_unacknowledged_message_until_the_partner_acknowledges_it()
    {
        await using var transport = new RecordingTransport(_key.Address);
        await using var runtime = new NodeRuntime(_key, _runtime.State, 0, _journal, transport, _ => null, _ => { }, new NodeRuntimeOptions { ResendInterval = TimeSpan.FromMilliseconds(100) });
        runtime.Start();
        await runtime.SubmitAsync(new ActionDirectTransfer(TokenNetwork, _partner.Address, new UInt256(10), UInt256.One), CancellationToken.None);
        await WaitUntilAsync(() => transport.Sent.Count >= 3);
        var id = MessageCodec.Open(transport.Sent[0].Message).Message.MessageId;
        Assert.All(transport.Sent, s => Assert.Equal(transport.Sent[0].Message, s.Message));

        transport.Deliver(Received(_partner, new Message { MessageId = 0, Processed = new Processed { ProcessedMessageId = id } }));
        await WaitUntilAsync(() => runtime.State.Outbox.IsEmpty);
        await Task.Delay(300);
        var count = transport.Sent.Count;
        await Task.Delay(300);

        Assert.Equal(count, transport.Sent.Count);
    }

    [Fact]
    public async Task Publishes_committed_events_to_subscribers_and_wakes_state_waiters()
    {
        var seen = new List<DispatchedEvent>();
        using var subscription = _runtime.Subscribe(seen.Add);
        var paid = _runtime.WaitForStateAsync(s => Balance(s) == new UInt256(95), CancellationToken.None);

        await _runtime.SubmitAsync(new ActionDirectTransfer(TokenNetwork, _partner.Address, new UInt256(5), UInt256.One), CancellationToken.None);

        await paid.WaitAsync(Patience);
        Assert.Contains(seen, d => d.Event is EventPaymentSent);
        Assert.Equal(seen.Select(d => d.Id).Order(), seen.Select(d => d.Id));
    }

    public async Task DisposeAsync()
    {
        await _runtime.DisposeAsync();
        await _transport.DisposeAsync();
        _key.Dispose();
        _partner.Dispose();
    }

    private NodeRuntime Create(NodeRuntimeOptions options, NodeState? state = null) =>
        new(_key, state ?? new NodeState(_key.Address, 31337), 0, _journal, _transport, _ => null, _ => { }, options);

    private static UInt256 Balance(NodeState state)
    {
        var channel = state.TokenNetwork(TokenNetwork)!.Channels[UInt256.One];
        return Photon.Protocol.Channels.Balances.Distributable(channel.Our, channel.Partner);
    }

    private async Task<Message> PartnerPaysAsync(UInt256 amount)
    {
        // The partner's own state machine makes a correctly signed transfer for the same channel.
        var partnerMachine = new Photon.Protocol.Machine.StateMachine(_partner);
        var partnerState = new NodeState(_partner.Address, 31337);
        foreach (var change in new StateChange[]
        {
            new ContractReceiveTokenNetworkCreated(Token, TokenNetwork, 1),
            new ContractReceiveChannelOpened(TokenNetwork, UInt256.One, _key.Address, _partner.Address, 500, 2),
            new ContractReceiveChannelDeposit(TokenNetwork, UInt256.One, _partner.Address, new UInt256(50), 3),
            new Block(3),
        })
        {
            partnerState = partnerMachine.Transition(partnerState, change, new Photon.Protocol.Machine.BlockContext(3)).State;
        }
        var result = partnerMachine.Transition(partnerState, new ActionDirectTransfer(TokenNetwork, _key.Address, amount, UInt256.One), new Photon.Protocol.Machine.BlockContext(3));
        var message = result.Events.OfType<SendMessage>().Single().Message;
        await _runtime.SubmitAsync(new ContractReceiveChannelDeposit(TokenNetwork, UInt256.One, _partner.Address, new UInt256(50), 3), CancellationToken.None);
        _transport.Deliver(Received(_partner, message));
        await WaitUntilAsync(() => _transport.Sent.Count > 0);
        return message;
    }

    private static ReceivedMessage Received(PrivateKey sender, Message message)
    {
        var verified = MessageCodec.Open(MessageCodec.Sign(message, sender));
        return new ReceivedMessage(sender.Address, verified);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the condition did not hold in time");
            await Task.Delay(20);
        }
    }
}
