using Photon.Protocol.Channels;
using Photon.Protocol.Events;

namespace Photon.Protocol.Tests.Negotiation;

/// <summary>Assertions on refusals: the only event is the refusal, and the node's state did not change.</summary>
internal static class NegotiationAssert
{
    /// <summary>Runs <paramref name="act"/> on <paramref name="node"/> and checks it was a refused message that changed nothing and was not acknowledged.</summary>
    public static EventMessageRefused MessageRefused(NegotiationNode node, RefusalReason reason, Func<IReadOnlyList<Event>> act)
    {
        var before = node.State;
        var events = act();
        var refused = Assert.IsType<EventMessageRefused>(Assert.Single(events));
        Assert.Equal(reason, refused.Refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refused.Refusal.Message));
        Assert.Equal(before, node.State);
        return refused;
    }

    /// <summary>Runs <paramref name="act"/> on <paramref name="node"/> and checks it was a refused action that changed nothing.</summary>
    public static EventActionRefused ActionRefused(NegotiationNode node, RefusalReason reason, Func<IReadOnlyList<Event>> act)
    {
        var before = node.State;
        var events = act();
        var refused = Assert.IsType<EventActionRefused>(Assert.Single(events));
        Assert.Equal(reason, refused.Refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refused.Refusal.Message));
        Assert.Equal(before, node.State);
        return refused;
    }
}
