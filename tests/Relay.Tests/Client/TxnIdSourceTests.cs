using System.Text.RegularExpressions;
using Photon.Relay.Client;

namespace Photon.Relay.Tests.Client;

public sealed class TxnIdSourceTests
{
    [Fact]
    public void Ids_are_what_the_relay_accepts_and_never_repeat_within_a_client()
    {
        var source = new TxnIdSource();

        var ids = Enumerable.Range(0, 1_000).Select(_ => source.Next()).ToList();

        Assert.All(ids, id => Assert.Matches(new Regex("^[A-Za-z0-9._-]{1,64}$"), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_new_client_never_reuses_the_ids_of_an_earlier_one()
    {
        // The relay answers a known (sender, txnId) without storing: a restarted node reusing "1" would lose messages.
        var first = new TxnIdSource().Next();
        var second = new TxnIdSource().Next();

        Assert.NotEqual(first, second);
    }
}
