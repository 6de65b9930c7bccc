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

    [Fact]
    public void Mediator_keeps_exactly_its_fee()
    {
        var net = new MiniNet();
        var a = net.AddNode(1);
        var b = net.AddNode(2);
        var c = net.AddNode(3);
        net.Open(a, b, 100, 0);
        net.Open(b, c, 80, 0);
        net.Apply(b, new ActionSetFeeSchedule(MiniNet.TokenNetwork, c, new Routing.FeeSchedule(2, 100_000)));
        net.PayWithFee(a, c, 20, 4, 5, [b, c]);
        net.Run();
        Assert.Contains(net.Events, e => e.Event is EventPaymentSucceeded { Fee: var fee } && fee == new UInt256(4));
        var ab = net.Channel(a, b);
        var bc = net.Channel(b, c);
        Assert.Equal(new UInt256(76), Balances.Distributable(ab.Our, ab.Partner));
        Assert.Equal(new UInt256(60), Balances.Distributable(bc.Our, bc.Partner));
        Assert.Equal(new UInt256(20), Balances.Distributable(bc.Partner, bc.Our));
    }

    [Fact]
    public void Mediator_disposes_a_payment_whose_fee_is_too_low_and_the_initiator_fails_without_another_route()
    {
        var net = new MiniNet();
        var a = net.AddNode(1);
        var b = net.AddNode(2);
        var c = net.AddNode(3);
        net.Open(a, b, 100, 0);
        net.Open(b, c, 80, 0);
        net.Apply(b, new ActionSetFeeSchedule(MiniNet.TokenNetwork, c, new Routing.FeeSchedule(2, 100_000)));
        net.PayWithFee(a, c, 20, 3, 5, [b, c]);
        net.Run();
        Assert.Contains(net.Events, e => e.Event is EventPaymentFailed);
        Assert.DoesNotContain(net.Events, e => e.Event is EventPaymentSucceeded);
        var ab = net.Channel(a, b);
        Assert.Equal(new UInt256(100), Balances.Distributable(ab.Our, ab.Partner));
        Assert.Empty(net.Channel(b, c).Our.Locks);
        Assert.Equal(net.Channel(b, a).Partner, ab.Our);
    }

    [Fact]
    public void Target_registers_the_secret_when_its_payer_does_not_unlock_and_the_payer_then_unlocks()
    {
        var net = new MiniNet();
        var a = net.AddNode(1);
        var b = net.AddNode(2);
        net.Open(a, b, 100, 0);
        net.Pay(a, b, 20, 5, [b]);
        net.Step(5); // B: transfer; A: processed, secret request; B: delivered, reveal — B knows the secret.
        Assert.True(net.States[b].Secrets.Count == 1);
        net.Offline.Add(a);
        net.Run();
        net.Advance(9);
        Assert.False(net.Events.Any(e => e.Event is ContractSendSecretRegister), string.Join("\n", net.Events.Select(e => $"{e.Node.ToString()[..6]} {e.Event}")) + net.Block);
        net.Advance(2);
        Assert.Contains(net.Events, e => e.Node == b && e.Event is ContractSendSecretRegister);
        Assert.Contains(net.Events, e => e.Node == a && e.Event is EventPaymentSucceeded);
        Assert.DoesNotContain(net.Events, e => e.Event is EventPaymentReceived);
        net.Offline.Clear();
        net.Retry();
        Assert.Contains(net.Events, e => e.Node == b && e.Event is EventPaymentReceived);
        Assert.Equal(net.Channel(b, a).Partner, net.Channel(a, b).Our);
        Assert.Empty(net.Channel(a, b).Our.Locks);
    }
}
