using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Photon.Ethereum.Crypto;
using Photon.Relay.Client;
using Photon.Relay.Crypto;
using Photon.Relay.Tests.Crypto;
using Photon.Relay.Transport;

namespace Photon.Relay.Tests.Client;

public sealed class RelayReceiverTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly PrivateKey _alice = PrivateKey.Generate();
    private readonly PrivateKey _bob = PrivateKey.Generate();
    private readonly PrivateKey _mallory = PrivateKey.Generate();
    private readonly RelayClientStats _stats = new();
    private readonly ConcurrentQueue<string?> _sinceSeen = new();
    private readonly ConcurrentQueue<Func<string?, SyncAnswer>> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private Channel<ReceivedMessage> _inbox = Channel.CreateBounded<ReceivedMessage>(100);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _alice.Dispose();
        _bob.Dispose();
        _mallory.Dispose();
    }

    private RelayReceiver Receiver(int recentIds = 1_000, ChannelWriter<ReceivedMessage>? writer = null) => new(SyncAsync, new DerivedKeyCache(_bob), new RecentEnvelopeIds(recentIds), writer ?? _inbox.Writer,
        new Backoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), Random.Shared.NextDouble),
        TimeProvider.System, _stats, NullLogger.Instance);

    // The scripted relay: each sync takes the next step; with none left it long-polls until stopped.
    private async Task<SyncAnswer> SyncAsync(string? since, CancellationToken cancellationToken)
    {
        _sinceSeen.Enqueue(since);
        if (_script.TryDequeue(out var step))
            return step(since);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    private void Then(string nextBatch, params SyncEntry[] messages) => _script.Enqueue(_ => new SyncAnswer(nextBatch, messages));

    private void ThenFail(RelayCallException error) => _script.Enqueue(_ => throw error);

    private SyncEntry From(PrivateKey sender, ulong messageId, PrivateKey? signer = null) =>
        new(sender.Address.ToString(), Convert.ToBase64String(Seal(sender, messageId, signer)));

    private byte[] Seal(PrivateKey sender, ulong messageId, PrivateKey? signer = null) =>
        RelayEnvelope.Seal(SealingKey.Create(RecipientKey.Create(_bob.Address, _bob.PublicKey)), sender.Address, EnvelopeId.New(), TestMessages.Processed(signer ?? sender, messageId));

    private async Task<List<ReceivedMessage>> ReadAsync(int count)
    {
        var read = new List<ReceivedMessage>();
        while (read.Count < count)
            read.Add(await _inbox.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        return read;
    }

    private async Task UntilSyncedAsync(int syncs)
    {
        while (_sinceSeen.Count < syncs)
            await Task.Delay(1).WaitAsync(Patience);
    }

    [Fact]
    public async Task Hands_messages_to_the_node_in_order_and_acknowledges_each_batch_with_its_next_batch()
    {
        Then("2", From(_alice, 1), From(_alice, 2));
        Then("3", From(_alice, 3));
        var loop = Receiver().RunAsync(_stop.Token);

        var received = await ReadAsync(3);
        await UntilSyncedAsync(3);

        Assert.Equal([1ul, 2ul, 3ul], received.Select(r => r.Message.Message.MessageId));
        Assert.All(received, r => Assert.Equal(_alice.Address, r.Sender));
        Assert.All(received, r => Assert.Equal(_alice.Address, r.Message.Sender));
        Assert.Equal([null, "2", "3"], _sinceSeen.Take(3));
        Assert.Equal(3, _stats.MessagesReceived);
        Assert.False(loop.IsCompleted);
    }

    [Fact]
    public async Task Drops_envelopes_the_relay_delivers_again()
    {
        var first = From(_alice, 1);
        Then("1", first, first);
        Then("2", first, From(_alice, 2));
        _ = Receiver().RunAsync(_stop.Token);

        var received = await ReadAsync(2);
        await UntilSyncedAsync(3);

        Assert.Equal([1ul, 2ul], received.Select(r => r.Message.Message.MessageId));
        Assert.Equal(0, _inbox.Reader.Count);
        Assert.Equal(2, _stats.DuplicatesDropped);
    }

    [Fact]
    public async Task Forgets_ids_past_its_window_so_a_late_redelivery_reaches_the_node_again()
    {
        var first = From(_alice, 1);
        Then("1", first, From(_alice, 2), From(_alice, 3));
        Then("2", first);
        _ = Receiver(recentIds: 2).RunAsync(_stop.Token);

        var received = await ReadAsync(4);

        Assert.Equal([1ul, 2ul, 3ul, 1ul], received.Select(r => r.Message.Message.MessageId));
    }

    [Fact]
    public async Task Drops_what_does_not_open_counts_it_by_reason_and_delivers_the_rest_of_the_batch()
    {
        var truncated = Seal(_alice, 9)[..50];
        Then("1",
            new SyncEntry("not an address", Convert.ToBase64String(Seal(_alice, 1))),
            new SyncEntry(_alice.Address.ToString(), "%%% not base64"),
            new SyncEntry(_alice.Address.ToString(), null),
            new SyncEntry(_alice.Address.ToString(), Convert.ToBase64String(truncated)),
            From(_mallory, 3) with { From = _alice.Address.ToString() },
            From(_mallory, 4, signer: _alice),
            From(_alice, 5));
        _ = Receiver().RunAsync(_stop.Token);

        var received = await ReadAsync(1);
        await UntilSyncedAsync(2);

        Assert.Equal(5ul, Assert.Single(received).Message.Message.MessageId);
        Assert.Equal(3, _stats.MalformedDropped);
        Assert.Equal(3, _stats.EnvelopesRefused);
        Assert.Equal(1, _stats.EnvelopesRefusedFor(EnvelopeRefusal.Truncated));
        Assert.Equal(1, _stats.EnvelopesRefusedFor(EnvelopeRefusal.AuthenticationFailed));
        Assert.Equal(1, _stats.EnvelopesRefusedFor(EnvelopeRefusal.SignerIsNotSender));
        Assert.Equal("1", _sinceSeen.Last());
    }

    [Fact]
    public async Task Acknowledges_a_batch_only_after_the_node_took_every_message_of_it()
    {
        // Room for one message: the loop can write the whole batch only as the node takes it.
        _inbox = Channel.CreateBounded<ReceivedMessage>(1);
        var counting = new CountingWriter(_inbox.Writer);
        var writtenAtAcknowledgement = -1;
        Then("3", From(_alice, 1), From(_alice, 2), From(_alice, 3));
        _script.Enqueue(_ =>
        {
            writtenAtAcknowledgement = counting.Written;
            return new SyncAnswer("3", []);
        });
        _ = Receiver(writer: counting).RunAsync(_stop.Token);

        await ReadAsync(3);
        await UntilSyncedAsync(2);

        Assert.Equal([null, "3"], _sinceSeen.Take(2));
        Assert.Equal(3, writtenAtAcknowledgement);
    }

    [Fact]
    public async Task Retries_a_failed_sync_without_acknowledging_anything_new()
    {
        Then("5");
        ThenFail(new RelayCallException("unavailable", 503, "unknown", isTransient: true));
        Then("6", From(_alice, 6));
        _ = Receiver().RunAsync(_stop.Token);

        await ReadAsync(1);
        await UntilSyncedAsync(4);

        Assert.Equal([null, "5", "5", "6"], _sinceSeen.Take(4));
        Assert.Equal(1, _stats.SyncRetries);
    }

    [Fact]
    public async Task Starts_again_from_the_oldest_message_when_the_relay_refuses_its_since()
    {
        Then("5");
        ThenFail(new RelayCallException("'since' must be the next_batch of an earlier sync", 400, "bad_request", isTransient: false));
        _ = Receiver().RunAsync(_stop.Token);

        await UntilSyncedAsync(3);

        Assert.Equal([null, "5", null], _sinceSeen.Take(3));
    }

    [Fact]
    public async Task A_message_that_never_reached_the_node_is_not_taken_for_a_duplicate_when_it_comes_again()
    {
        _inbox = Channel.CreateBounded<ReceivedMessage>(1);
        var receiver = Receiver();
        var entry = From(_alice, 2);
        await receiver.HandleAsync(From(_alice, 1), CancellationToken.None);
        using var shutdown = new CancellationTokenSource();
        var blocked = receiver.HandleAsync(entry, shutdown.Token);

        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        await ReadAsync(1);
        await receiver.HandleAsync(entry, CancellationToken.None);

        Assert.Equal(2ul, (await ReadAsync(1)).Single().Message.Message.MessageId);
        Assert.Equal(0, _stats.DuplicatesDropped);
    }

    /// <summary>Counts the messages written through it.</summary>
    private sealed class CountingWriter(ChannelWriter<ReceivedMessage> inner) : ChannelWriter<ReceivedMessage>
    {
        private int _written;

        public int Written => Volatile.Read(ref _written);

        public override bool TryWrite(ReceivedMessage item)
        {
            if (!inner.TryWrite(item))
                return false;
            Interlocked.Increment(ref _written);
            return true;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inner.WaitToWriteAsync(cancellationToken);
    }
}
