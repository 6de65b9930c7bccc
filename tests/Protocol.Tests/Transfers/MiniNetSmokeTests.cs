using Photon.Ethereum;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Tests.Transfers;

public sealed class MiniNetSmokeTests
{
    [Fact]
    public void Three_party_story()
    {
        var net = new MiniNet();
        var a = net.AddNode(1);
        var b = net.AddNode(2);
        var c = net.AddNode(3);
        net.Open(a, b, 100, 0);
        net.Open(b, c, 80, 0);
        net.Apply(a, new ActionDirectTransfer(MiniNet.TokenNetwork, b, 30, 1));
        net.Run();
        net.Pay(a, c, 20, 5, [b, c]);
        net.Run();
        var events = string.Join("\n", net.Events.Select(e => $"{e.Node.ToString()[..6]} {e.Event}"));
        Assert.Contains(net.Events, e => e.Event is EventPaymentSucceeded);
        Assert.Contains(net.Events, e => e.Event is EventPaymentReceived { Amount: var amount } && amount == new UInt256(20));
        var ab = net.Channel(a, b);
        var bc = net.Channel(b, c);
        Assert.Equal(new UInt256(50), Balances.Distributable(ab.Our, ab.Partner));
        Assert.Equal(new UInt256(50), Balances.Distributable(ab.Partner, ab.Our));
        Assert.Equal(new UInt256(60), Balances.Distributable(bc.Our, bc.Partner));
        Assert.Equal(new UInt256(20), Balances.Distributable(bc.Partner, bc.Our));
        Assert.Empty(ab.Our.Locks);
        Assert.Empty(bc.Our.Locks);
        Assert.True(net.States.Values.All(s => s.Outbox.IsEmpty && s.Payments.IsEmpty), events);
        Assert.Equal(net.Channel(b, a).Partner, ab.Our);
        Assert.Equal(net.Channel(c, b).Partner, bc.Our);
    }

    [Fact]
    public void Disposal_reroutes()
    {
        var net = new MiniNet();
        var a = net.AddNode(1);
        var b = net.AddNode(2);
        var c = net.AddNode(3);
        var d = net.AddNode(4);
        net.Open(a, b, 100, 0);
        net.Open(b, c, 5, 0);
        net.Open(a, d, 100, 0);
        net.Open(d, c, 80, 0);
        net.Pay(a, c, 20, 5, [b, c], [d, c]);
        net.Run();
        var events = string.Join("\n", net.Events.Select(e => $"{e.Node.ToString()[..6]} {e.Event}"));
        Assert.Contains(net.Events, e => e.Event is EventPaymentSucceeded);
        var ab = net.Channel(a, b);
        Assert.Empty(ab.Our.Locks);
        Assert.Equal(new UInt256(100), Balances.Distributable(ab.Our, ab.Partner));
        Assert.Single(ab.PartnerDisposals);
        Assert.Equal(net.Channel(b, a).Partner, ab.Our);
        Assert.Equal(new UInt256(80), Balances.Distributable(net.Channel(a, d).Our, net.Channel(a, d).Partner));
        Assert.True(net.States.Values.All(s => s.Outbox.IsEmpty && s.Payments.IsEmpty), events);
    }

    [Fact]
    public void Expiry_returns_the_lock()
    {
        var net = new MiniNet();
        var a = net.AddNode(1);
        var b = net.AddNode(2);
        var c = net.AddNode(3);
        net.Open(a, b, 100, 0);
        net.Open(b, c, 80, 0);
        net.Offline.Add(c);
        net.Pay(a, c, 20, 5, [b, c]);
        net.Run();
        Assert.Single(net.Channel(a, b).Our.Locks);
        net.Advance(60);
        net.Offline.Clear();
        net.Advance(2);
        var events = string.Join("\n", net.Events.Select(e => $"{e.Node.ToString()[..6]} {e.Event}"));
        Assert.Contains(net.Events, e => e.Event is EventPaymentFailed);
        var ab = net.Channel(a, b);
        Assert.Empty(ab.Our.Locks);
        Assert.Equal(new UInt256(100), Balances.Distributable(ab.Our, ab.Partner));
        Assert.Equal(net.Channel(b, a).Partner, ab.Our);
        Assert.Equal(net.Channel(c, b).Partner, net.Channel(b, c).Our);
        Assert.Empty(net.Channel(b, c).Our.Locks);
        Assert.True(net.States.Values.All(s => s.Payments.IsEmpty), events);
    }
}
