using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Routing;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Protocol.Tests.Transfers;

/// <summary>Scratch network for the payment tests (FIFO delivery, chain events applied at once).</summary>
internal sealed class MiniNet
{
    public static readonly Address TokenNetwork = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    public readonly Dictionary<Address, (StateMachine Machine, PrivateKey Key)> Machines = [];
    public readonly Dictionary<Address, NodeState> States = [];
    public readonly List<(Address Node, Event Event)> Events = [];
    private readonly Queue<(Address From, SendMessage Send)> _queue = new();
    private ulong _nextChannel = 1;
    public ulong Block = 1;
    public readonly HashSet<Address> Offline = [];

    public static PrivateKey KeyOf(int seed)
    {
        var bytes = new byte[32];
        bytes[31] = (byte)seed;
        bytes[0] = 1;
        return PrivateKey.FromBytes(bytes);
    }

    public static Hash256 SecretOf(int secret)
    {
        var s = new byte[32];
        s[0] = (byte)secret;
        s[1] = (byte)(secret >> 8);
        s[31] = 7;
        return new Hash256(s);
    }

    public Address AddNode(int seed)
    {
        var key = KeyOf(seed);
        Machines[key.Address] = (new StateMachine(key), key);
        States[key.Address] = new NodeState(key.Address, 31337, Block);
        Apply(key.Address, new ContractReceiveTokenNetworkCreated(Address.Parse("0x0000000000000000000000000000000000000001"), TokenNetwork, Block));
        return key.Address;
    }

    public void Open(Address a, Address b, ulong depositA, ulong depositB)
    {
        var id = new UInt256(_nextChannel++);
        foreach (var node in new[] { a, b })
        {
            Apply(node, new ContractReceiveChannelOpened(TokenNetwork, id, a, b, 100, Block));
            Apply(node, new ContractReceiveChannelDeposit(TokenNetwork, id, a, depositA, Block));
            Apply(node, new ContractReceiveChannelDeposit(TokenNetwork, id, b, depositB, Block));
        }
    }

    public void Apply(Address node, StateChange change)
    {
        var result = Machines[node].Machine.Transition(States[node], change, new BlockContext(Block));
        States[node] = result.State;
        foreach (var e in result.Events)
        {
            Events.Add((node, e));
            if (e is SendMessage send)
                _queue.Enqueue((node, send));
            if (e is ContractSendSecretRegister register)
                foreach (var n in States.Keys.ToList())
                    Apply(n, new ContractReceiveSecretRevealed(register.SecretHash, register.Secret, Block));
        }
    }

    public void Step(int messages)
    {
        for (var i = 0; i < messages; i++)
        {
            var (from, send) = _queue.Dequeue();
            if (!Offline.Contains(send.Recipient) && !Offline.Contains(from))
                Apply(send.Recipient, new ReceiveMessage(from, send.Message));
        }
    }

    public void Run()
    {
        for (var i = 0; _queue.Count > 0; i++)
        {
            Assert.True(i < 100_000, "no quiet");
            var (from, send) = _queue.Dequeue();
            if (Offline.Contains(send.Recipient) || Offline.Contains(from))
                continue;
            Apply(send.Recipient, new ReceiveMessage(from, send.Message));
        }
    }

    public void Retry()
    {
        foreach (var (node, state) in States)
            foreach (var outgoing in state.Outbox.Values)
                _queue.Enqueue((node, new SendMessage(outgoing.Recipient, outgoing.Message)));
        Run();
    }

    public void Advance(ulong blocks)
    {
        for (ulong i = 0; i < blocks; i++)
        {
            Block++;
            foreach (var n in States.Keys.ToList())
                Apply(n, new Block(Block));
            Run();
            Retry();
        }
    }

    public void Pay(Address from, Address to, ulong amount, int secret, params Address[][] routes) => PayWithFee(from, to, amount, 0, secret, routes);

    public void PayWithFee(Address from, Address to, ulong amount, ulong fee, int secret, params Address[][] routes)
    {
        Apply(from, new ActionInitPayment(TokenNetwork, new UInt256((ulong)secret), to, amount, SecretOf(secret),
            routes.Select(r => new Route([.. r], fee)).ToImmutableArray()));
    }

    public Photon.Protocol.Channels.Channel Channel(Address node, Address partner) => States[node].TokenNetworks[TokenNetwork].ChannelWith(partner)!;
}
