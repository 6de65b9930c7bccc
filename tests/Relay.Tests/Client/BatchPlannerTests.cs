using System.Text.Json;
using Photon.Ethereum.Crypto;
using Photon.Relay.Client;
using Photon.Relay.Crypto;
using Photon.Relay.Tests.Crypto;

namespace Photon.Relay.Tests.Client;

public sealed class BatchPlannerTests
{
    private static int[] Plan(int maxMessages, int maxBytes, params int[][] backlogs) =>
        BatchPlanner.Plan(backlogs.Select(b => (IReadOnlyList<int>)b).ToList(), maxMessages, maxBytes);

    [Fact]
    public void Takes_everything_that_fits()
    {
        Assert.Equal([2, 3], Plan(10, 10_000, [100, 100], [100, 100, 100]));
    }

    [Fact]
    public void Stops_at_the_message_limit_with_recipients_taking_turns()
    {
        Assert.Equal([3, 2], Plan(5, 1_000_000, Enumerable.Repeat(100, 10).ToArray(), Enumerable.Repeat(100, 10).ToArray()));
    }

    [Fact]
    public void A_long_backlog_does_not_hold_back_another_recipients_single_message()
    {
        Assert.Equal([4, 1], Plan(5, 1_000_000, Enumerable.Repeat(100, 1_000).ToArray(), [100]));
    }

    [Fact]
    public void Stops_at_the_byte_limit()
    {
        // Framing 15 + 4 × 100 = 415 ≤ 450; a fifth would pass it.
        Assert.Equal([4], Plan(100, 450, Enumerable.Repeat(100, 10).ToArray()));
    }

    [Fact]
    public void A_message_that_does_not_fit_keeps_its_later_messages_behind_it()
    {
        // Recipient 0: its 300-byte message does not fit after the first; its 10-byte one may not jump ahead.
        Assert.Equal([1, 3], Plan(100, 400, [100, 300, 10], [50, 50, 50]));
    }

    [Fact]
    public void The_first_message_goes_even_when_it_alone_passes_the_byte_limit()
    {
        Assert.Equal([1, 0], Plan(100, 50, [1_000, 10], [10]));
    }

    [Fact]
    public void Empty_backlogs_take_nothing()
    {
        Assert.Equal([0, 0], Plan(10, 1_000, [], []));
        Assert.Empty(Plan(10, 1_000));
    }

    [Fact]
    public void The_encoded_size_of_a_message_covers_its_json_in_a_request()
    {
        using var alice = PrivateKey.Generate();
        using var bob = PrivateKey.Generate();
        var key = SealingKey.Create(RecipientKey.Create(bob.Address, bob.PublicKey));
        var signed = Enumerable.Range(1, 3).Select(i => TestMessages.Processed(alice, (ulong)i * 1_000_000)).ToList();

        var json = RelayApi.Json(w =>
        {
            w.WriteStartArray("messages");
            foreach (var message in signed)
            {
                w.WriteStartObject();
                w.WriteString("to", bob.Address.ToString());
                w.WriteBase64String("body", RelayEnvelope.Seal(key, alice.Address, EnvelopeId.New(), message));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

        var estimate = BatchPlanner.RequestFraming + signed.Sum(m => BatchPlanner.EncodedSize(m.CalculateSize()));
        Assert.InRange(json.Length, estimate - 3, estimate);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(3, parsed.RootElement.GetProperty("messages").GetArrayLength());
    }
}
