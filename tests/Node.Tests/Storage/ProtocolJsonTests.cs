using Photon.Node.Storage;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Tests.Network;

namespace Photon.Node.Tests.Storage;

public sealed class ProtocolJsonTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 8)]
    [InlineData(3, 30)]
    public void Every_state_change_event_and_state_of_a_random_schedule_decodes_to_an_equal_record(int seed, int payments)
    {
        var (network, _, _) = RandomScheduleTests.Play(seed, payments);
        var kinds = new HashSet<string>();
        foreach (var node in network.Nodes)
        {
            foreach (var transition in node.History)
            {
                kinds.Add(transition.StateChange.GetType().Name);
                AssertRoundTrip(transition.StateChange);
                foreach (var @event in transition.Events)
                {
                    kinds.Add(@event.GetType().Name);
                    AssertRoundTrip(@event);
                }
            }
            AssertRoundTrip(node.State);
        }
        // The schedules are rich enough to matter: payments of every role, chain events and acknowledgements.
        Assert.Contains(nameof(ActionInitPayment), kinds);
        Assert.Contains(nameof(ReceiveMessage), kinds);
        Assert.Contains(nameof(SendMessage), kinds);
        Assert.Contains(nameof(Block), kinds);
    }

    [Fact]
    public void States_in_the_middle_of_payments_decode_equal_with_their_tasks_locks_and_outbox()
    {
        var (network, _, _) = RandomScheduleTests.Play(7, 30);
        var busy = network.Nodes.SelectMany(n => n.History).Select(h => h.StateAfter)
            .Where(s => !s.Payments.IsEmpty && !s.Outbox.IsEmpty && s.ChannelsInOrder().Any(c => c.Our.Locks.Count > 0))
            .Take(50)
            .ToList();

        Assert.NotEmpty(busy);
        foreach (var state in busy)
            AssertRoundTrip(state);
    }

    [Fact]
    public void Encoding_is_the_same_text_whatever_order_the_dictionaries_were_built_in()
    {
        var (network, _, _) = RandomScheduleTests.Play(5, 10);
        var state = network.Nodes[0].State;
        var rebuilt = state with
        {
            Secrets = System.Collections.Immutable.ImmutableDictionary.CreateRange(state.Secrets.Reverse()),
            TokenNetworks = System.Collections.Immutable.ImmutableDictionary.CreateRange(state.TokenNetworks.Reverse()),
        };

        Assert.Equal(ProtocolJson.Encode(state), ProtocolJson.Encode(rebuilt));
    }

    [Fact]
    public void Refuses_text_with_an_unknown_type_or_field()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => ProtocolJson.Decode<StateChange>("""{"$type":"ActionStealEverything"}"""));
        Assert.Throws<System.Text.Json.JsonException>(() => ProtocolJson.Decode<StateChange>("""{"$type":"Block","Number":5,"Extra":1}"""));
        Assert.Equal(new Block(5), ProtocolJson.Decode<StateChange>("""{"$type":"Block","Number":5}"""));
    }

    private static void AssertRoundTrip<T>(T value)
        where T : class
    {
        var json = ProtocolJson.Encode(value);
        var decoded = ProtocolJson.Decode<T>(json);
        Assert.Equal(value, decoded);
        Assert.Equal(json, ProtocolJson.Encode(decoded));
    }
}
