using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;
using Xunit.Sdk;

namespace Photon.Protocol.Tests.Network;

/// <summary>The harness itself: determinism, the chain's secret registry, and the checks failing when they should.</summary>
public sealed class TestNetworkTests
{
    [Fact]
    public void The_same_seed_and_schedule_give_the_same_bytes_on_the_wire_and_the_same_states()
    {
        var first = Run(seed: 11);
        var second = Run(seed: 11);

        Assert.Equal(first.Wire, second.Wire);
        Assert.True(first.States.SequenceEqual(second.States));
    }

    [Fact]
    public void A_secret_registration_is_mined_after_the_delay_and_reaches_every_node_once()
    {
        var network = new TestNetwork(3, new Random(1));
        network.Chain.SecretRegistrationDelay = 2;
        var secret = new Hash256(Enumerable.Repeat((byte)9, 32).ToArray());
        var register = new ContractSendSecretRegister(secret, SecretHash.Of(secret));
        var submittedAt = network.Chain.BlockNumber;

        network.Chain.Submit(network["A"].Address, register);
        network.Chain.Submit(network["B"].Address, register);
        network.AdvanceBlocks(1);
        Assert.Empty(network.Chain.RegisteredSecrets);
        network.AdvanceBlocks(1);

        Assert.Equal(submittedAt + 2, network.Chain.RegisteredSecrets[register.SecretHash]);
        foreach (var node in network.Nodes)
        {
            var revealed = Assert.Single(node.History.Select(h => h.StateChange).OfType<ContractReceiveSecretRevealed>());
            Assert.Equal(new ContractReceiveSecretRevealed(register.SecretHash, secret, submittedAt + 2), revealed);
        }
        Assert.Equal(2, network.Chain.Transactions.Count);
    }

    [Fact]
    public void Running_until_quiet_fails_the_test_past_its_delivery_cap()
    {
        var network = new TestNetwork(2, new Random(1));
        network.OpenChannel(network["A"], network["B"], 100, 100);
        for (var i = 1; i <= 3; i++)
            network.Apply(network["A"], new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, network["B"].Address, 1, (ulong)i));

        Assert.Throws<FailException>(() => network.RunUntilQuiet(maxDeliveries: 2));
    }

    [Fact]
    public void Views_are_not_declared_equal_while_a_transfer_is_unacknowledged()
    {
        var network = new TestNetwork(2, new Random(1));
        network.OpenChannel(network["A"], network["B"], 100, 100);
        network.Apply(network["A"], new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, network["B"].Address, 1, 1));

        NetworkInvariants.AssertViewsConsistent(network);
        Assert.ThrowsAny<XunitException>(() => NetworkInvariants.AssertViewsAgree(network));
        network.RunUntilQuiet();
        NetworkInvariants.AssertViewsAgree(network);
    }

    private static (List<byte[]> Wire, List<Protocol.State.NodeState> States) Run(int seed)
    {
        var random = new Random(seed);
        var network = new TestNetwork(3, random);
        var (a, b, c) = (network["A"], network["B"], network["C"]);
        network.OpenChannel(a, b, 100, 100);
        network.OpenChannel(b, c, 100, 100);
        var wire = new List<byte[]>();
        for (var i = 0; i < 30; i++)
        {
            var (payer, payee) = random.Next(4) switch { 0 => (a, b), 1 => (b, a), 2 => (b, c), _ => (c, b) };
            network.Apply(payer, new ActionDirectTransfer(TestNetwork.TokenNetworkAddress, payee.Address, (ulong)random.Next(1, 10), (ulong)i));
            wire.AddRange(network.InFlight.Select(m => m.Bytes));
            network.Reorder();
            if (random.Next(3) == 0)
                network.DeliverRandom();
        }
        network.RunUntilQuiet(randomOrder: true);
        return (wire, network.Nodes.Select(n => n.State).ToList());
    }
}
