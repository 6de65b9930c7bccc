using Photon.Relay.Client;

namespace Photon.Relay.Tests.Client;

public sealed class RelaySenderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static RelayCallException Transient(string code = "network") => new("try again", code == "network" ? null : 503, code, isTransient: true);

    [Fact]
    public async Task Stores_each_recipients_messages_once_in_order_in_requests_within_the_limits()
    {
        await using var harness = new SenderHarness(o => o with { MaxBatchMessages = 100 }, "bob", "carol");
        var sends = Enumerable.Range(1, 450).Select(i => harness.SendAsync("bob", (ulong)i))
            .Concat(Enumerable.Range(1, 7).Select(i => harness.SendAsync("carol", (ulong)i))).ToList();

        harness.Start();
        await Task.WhenAll(sends).WaitAsync(Patience);

        var stored = harness.Stored();
        Assert.Equal(Enumerable.Range(1, 450).Select(i => (ulong)i), stored.Where(m => m.To == harness["bob"]).Select(m => m.MessageId));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (ulong)i), stored.Where(m => m.To == harness["carol"]).Select(m => m.MessageId));
        Assert.All(harness.Attempts, a => Assert.InRange(a.Messages.Count, 1, 100));
        Assert.Equal(harness.Attempts.Count, harness.Attempts.Select(a => a.TxnId).Distinct().Count());
        Assert.Equal(457, harness.Stats.MessagesSent);
        Assert.Equal(0, harness.Sender.QueuedMessages);
    }

    [Fact]
    public async Task Retries_a_failed_request_with_the_same_txn_id_and_the_same_bytes()
    {
        await using var harness = new SenderHarness(null, "bob");
        var failures = 0;
        harness.Answer = _ => ++failures <= 2 ? Transient(failures == 1 ? "network" : "internal") : null;
        var send = harness.SendAsync("bob", 1);

        harness.Start();
        await send.WaitAsync(Patience);

        var attempts = harness.Attempts.ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Single(attempts.Select(a => a.TxnId).Distinct());
        Assert.All(attempts, a => Assert.Equal(attempts[0].Json, a.Json));
        Assert.Equal(2, harness.Stats.SendRetries);
        Assert.Single(harness.Stored());
    }

    [Fact]
    public async Task Holds_back_only_the_recipient_whose_key_is_unknown()
    {
        await using var harness = new SenderHarness(null, "bob", "carol");
        harness.UnknownKeys[harness["carol"]] = true;
        var toCarol = harness.SendAsync("carol", 1);
        var toBob = harness.SendAsync("bob", 2);

        harness.Start();
        await toBob.WaitAsync(Patience);

        Assert.False(toCarol.IsCompleted);
        Assert.DoesNotContain(harness.Stored(), m => m.To == harness["carol"]);

        harness.UnknownKeys.Clear();
        await toCarol.WaitAsync(Patience);
        Assert.Contains((harness["carol"], 1ul), harness.Stored());
    }

    [Fact]
    public async Task A_full_recipient_queue_on_the_relay_holds_back_that_recipient_alone()
    {
        await using var harness = new SenderHarness(null, "bob", "carol");
        var carolFull = true;
        harness.Answer = a => carolFull && a.Messages.Any(m => m.To == harness["carol"])
            ? new RelayCallException("the queue of carol is full", 429, "recipient_quota_exceeded", isTransient: true, TimeSpan.FromMilliseconds(5))
            : null;
        var toBob = harness.SendAsync("bob", 1);
        var toCarol = harness.SendAsync("carol", 2);

        harness.Start();
        await toBob.WaitAsync(Patience);
        while (!harness.Attempts.Any(a => a.Messages.All(m => m.To == harness["carol"])))
            await Task.Delay(1);
        Assert.False(toCarol.IsCompleted);

        carolFull = false;
        await toCarol.WaitAsync(Patience);
        var attempts = harness.Attempts.ToList();
        Assert.Equal(2, attempts[0].Messages.Count);
        Assert.False(attempts[0].Stored);
        Assert.Equal(attempts.Count, attempts.Select(a => a.TxnId).Distinct().Count());
        Assert.True(harness.Stats.QuotaRefusals >= 2);
        Assert.Equal([(harness["bob"], 1ul), (harness["carol"], 2ul)], harness.Stored().OrderBy(m => m.MessageId));
    }

    [Fact]
    public async Task A_request_the_relay_refuses_for_good_fails_its_sends_and_later_messages_still_go()
    {
        await using var harness = new SenderHarness(null, "bob");
        harness.Answer = a => a.Messages.Any(m => m.MessageId == 1) ? new RelayCallException("bad request", 400, "bad_request", isTransient: false) : null;
        var refused = harness.SendAsync("bob", 1);

        harness.Start();
        var error = await Assert.ThrowsAsync<RelayCallException>(() => refused.WaitAsync(Patience));
        await harness.SendAsync("bob", 2).WaitAsync(Patience);

        Assert.Equal("bad_request", error.ErrorCode);
        Assert.Equal(1, harness.Stats.MessagesFailed);
        Assert.Equal([(harness["bob"], 2ul)], harness.Stored());
    }

    [Fact]
    public async Task A_message_cancelled_before_it_left_is_not_sent()
    {
        await using var harness = new SenderHarness(null, "bob");
        using var cancel = new CancellationTokenSource();
        var cancelled = harness.SendAsync("bob", 1, cancel.Token);
        var kept = harness.SendAsync("bob", 2);

        await cancel.CancelAsync();
        harness.Start();
        await kept.WaitAsync(Patience);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal([(harness["bob"], 2ul)], harness.Stored());
        Assert.Equal(0, harness.Sender.QueuedMessages);
    }

    [Fact]
    public async Task Shutting_down_fails_the_messages_the_relay_has_not_stored()
    {
        var harness = new SenderHarness(null, "bob");
        await using (harness)
        {
            harness.Answer = _ => Transient();
            var pending = harness.SendAsync("bob", 1);
            harness.Start();
            while (harness.Attempts.IsEmpty)
                await Task.Delay(1);

            await harness.StopAsync();

            await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(Patience));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => harness.SendAsync("bob", 2));
        }
    }

    [Fact]
    public async Task A_send_waits_for_room_when_the_queue_is_full()
    {
        await using var harness = new SenderHarness(o => o with { MaxQueuedMessages = 2 }, "bob");
        var first = harness.SendAsync("bob", 1);
        var second = harness.SendAsync("bob", 2);
        var third = harness.SendAsync("bob", 3);

        Assert.Equal(2, harness.Sender.QueuedMessages);
        Assert.False(third.IsCompleted);

        harness.Start();
        await Task.WhenAll(first, second, third).WaitAsync(Patience);
        Assert.Equal([1ul, 2ul, 3ul], harness.Stored().Select(m => m.MessageId));
    }
}
