using Photon.Relay.Client;
using Photon.Relay.Crypto;

namespace Photon.Relay.Tests.Client;

public sealed class RecentEnvelopeIdsTests
{
    [Fact]
    public void Remembers_an_id_once()
    {
        var recent = new RecentEnvelopeIds(10);
        var id = EnvelopeId.New();

        Assert.False(recent.Contains(id));
        Assert.True(recent.Add(id));
        Assert.True(recent.Contains(id));
        Assert.False(recent.Add(id));
        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void Forgets_the_oldest_ids_beyond_its_capacity()
    {
        var recent = new RecentEnvelopeIds(3);
        var ids = Enumerable.Range(1, 5).Select(i => new EnvelopeId((UInt128)i)).ToArray();

        foreach (var id in ids)
            recent.Add(id);

        Assert.Equal(3, recent.Count);
        Assert.False(recent.Contains(ids[0]));
        Assert.False(recent.Contains(ids[1]));
        Assert.All(ids[2..], id => Assert.True(recent.Contains(id)));
    }

    [Fact]
    public void A_repeated_id_does_not_push_out_older_ones()
    {
        var recent = new RecentEnvelopeIds(2);
        var first = new EnvelopeId(1);
        var second = new EnvelopeId(2);

        recent.Add(first);
        recent.Add(second);
        recent.Add(second);

        Assert.True(recent.Contains(first));
    }
}
