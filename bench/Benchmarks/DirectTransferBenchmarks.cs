using Google.Protobuf;
using BenchmarkDotNet.Attributes;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Protocol.Events;
using Photon.Protocol.Machine;
using Photon.Protocol.Messages;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;
using Photon.Protocol.Wire;

namespace Photon.Benchmarks;

/// <summary>
/// One direct transfer through the protocol core on both ends (issue 4): A's Transition signs the EIP-712
/// balance proof, B's Transition checks it (recovering the signer) and acknowledges, A's Transition takes
/// the Processed. <see cref="Transition_on_both_ends"/> hands the messages over as objects;
/// <see cref="Transition_on_both_ends_with_envelopes"/> also seals each message (transfer and Processed)
/// with <see cref="MessageCodec.Sign"/> and opens the bytes with <see cref="MessageCodec.Open(ReadOnlySpan{byte})"/>,
/// as the shell does. The channel holds 10^30 on each side, so the states carry over between iterations
/// (nonces and balances keep rising) for as long as any run lasts.
/// </summary>
[MemoryDiagnoser]
public class DirectTransferBenchmarks
{
    private static readonly Address Token = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    private static readonly Address TokenNetwork = Address.Parse("0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9");

    private PrivateKey _keyA = null!;
    private PrivateKey _keyB = null!;
    private StateMachine _a = null!;
    private StateMachine _b = null!;
    private NodeState _stateA = null!;
    private NodeState _stateB = null!;
    private BlockContext _block;
    private ulong _paymentId;

    [GlobalSetup]
    public void Setup()
    {
        if (!NativeSecp256k1.TryLoad(out _, out var failure))
            throw new InvalidOperationException($"libsecp256k1 is not loadable: {failure}");
        _keyA = PrivateKey.FromBytes(Keccak256.Hash("benchmark node A").ToArray());
        _keyB = PrivateKey.FromBytes(Keccak256.Hash("benchmark node B").ToArray());
        _a = new StateMachine(_keyA);
        _b = new StateMachine(_keyB);
        _block = new BlockContext(10);
        var deposit = UInt256.FromBigInteger(System.Numerics.BigInteger.Pow(10, 30));
        StateChange[] chain =
        [
            new ContractReceiveTokenNetworkCreated(Token, TokenNetwork, 1),
            new ContractReceiveChannelOpened(TokenNetwork, 1, _keyA.Address, _keyB.Address, 500, 2),
            new ContractReceiveChannelDeposit(TokenNetwork, 1, _keyA.Address, deposit, 3),
            new ContractReceiveChannelDeposit(TokenNetwork, 1, _keyB.Address, deposit, 3),
        ];
        _stateA = new NodeState(_keyA.Address, 31337);
        _stateB = new NodeState(_keyB.Address, 31337);
        foreach (var change in chain)
        {
            _stateA = _a.Transition(_stateA, change, _block).State;
            _stateB = _b.Transition(_stateB, change, _block).State;
        }
    }

    [Benchmark]
    public NodeState Transition_on_both_ends()
    {
        var sent = _a.Transition(_stateA, new ActionDirectTransfer(TokenNetwork, _keyB.Address, 1, ++_paymentId), _block);
        var transfer = FirstMessage(sent);
        var received = _b.Transition(_stateB, new ReceiveMessage(_keyA.Address, transfer), _block);
        _stateB = received.State;
        var processed = _a.Transition(sent.State, new ReceiveMessage(_keyB.Address, FirstMessage(received)), _block);
        _stateA = processed.State;
        return _stateA;
    }

    [Benchmark]
    public NodeState Transition_on_both_ends_with_envelopes()
    {
        var sent = _a.Transition(_stateA, new ActionDirectTransfer(TokenNetwork, _keyB.Address, 1, ++_paymentId), _block);
        var transfer = MessageCodec.Open(MessageCodec.Sign(FirstMessage(sent), _keyA).ToByteArray());
        var received = _b.Transition(_stateB, new ReceiveMessage(transfer.Sender, transfer.Message), _block);
        _stateB = received.State;
        var ack = MessageCodec.Open(MessageCodec.Sign(FirstMessage(received), _keyB).ToByteArray());
        var processed = _a.Transition(sent.State, new ReceiveMessage(ack.Sender, ack.Message), _block);
        _stateA = processed.State;
        return _stateA;
    }

    private static Message FirstMessage(TransitionResult result)
    {
        foreach (var @event in result.Events)
            if (@event is SendMessage send)
                return send.Message;
        throw new InvalidOperationException($"no message sent: {string.Join(", ", result.Events)}");
    }
}
