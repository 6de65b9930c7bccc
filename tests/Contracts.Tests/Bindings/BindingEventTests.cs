using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using static Photon.Contracts.Tests.Bindings.Samples;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// Logs synthesized with solc's ABI of each interface (<see cref="AbiEvent.Encode"/>) decode into
/// the typed event records with their location; logs that are not ours (another contract's event,
/// an unknown topic, a known topic with the wrong shape) decode to null.
/// </summary>
public sealed class BindingEventTests
{
    private static readonly Address Emitter = A(40);
    private static readonly Hash256 BlockHash = H(41);
    private static readonly Hash256 TransactionHash = H(42);

    public static IEnumerable<object[]> Contracts() => [["ISecretRegistry"], ["ITokenNetworkRegistry"], ["ITokenNetwork"]];

    [Theory]
    [MemberData(nameof(Contracts))]
    public async Task Every_event_decodes_into_its_record_with_the_log_s_location(string name)
    {
        var abi = (await InterfaceCompilation.CompileAsync())[name].Abi;
        var cases = Events(name);

        Assert.Equal(abi.Events.Select(e => e.Name).Order(), cases.Select(c => c.Event).Order());
        var logIndex = 3UL;
        foreach (var (eventName, values, expected) in cases)
        {
            var log = LogOf(abi.GetEvent(eventName).Encode(values), Emitter, logIndex);

            var decoded = Decode(name, log);

            Assert.Equal(expected with { Contract = Emitter, BlockNumber = 77, BlockHash = BlockHash, TransactionHash = TransactionHash, LogIndex = logIndex }, decoded);
            logIndex++;
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Logs_that_are_not_ours_decode_to_null(string name)
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");

        Assert.Null(Decode(name, LogOf(transfer.Encode(A(1), A(2), U(3)), A(9), 0)));
        Assert.Null(Decode(name, LogOf(new AbiLog([Keccak256.Hash("Unknown()"u8)], ReadOnlyMemory<byte>.Empty), Emitter, 0)));
        Assert.Null(Decode(name, LogOf(new AbiLog([], Bytes(32, 1)), Emitter, 0)));
    }

    [Fact]
    public void Each_binding_ignores_the_events_of_the_other_two()
    {
        var revealed = LogOf(SecretRegistryAbi.SecretRevealedEvent.Encode(H(1), H(2)), Emitter, 0);
        var created = LogOf(TokenNetworkRegistryAbi.TokenNetworkCreatedEvent.Encode(A(1), A(2)), Emitter, 1);
        var opened = LogOf(TokenNetworkAbi.ChannelOpenedEvent.Encode(U(1), A(2), A(3), U(4)), Emitter, 2);

        Assert.Null(TokenNetworkContract.TryDecode(revealed));
        Assert.Null(TokenNetworkContract.TryDecode(created));
        Assert.Null(SecretRegistryContract.TryDecode(opened));
        Assert.Null(SecretRegistryContract.TryDecode(created));
        Assert.Null(TokenNetworkRegistryContract.TryDecode(opened));
        Assert.Null(TokenNetworkRegistryContract.TryDecode(revealed));
    }

    [Fact]
    public void A_log_with_our_topic_but_the_wrong_shape_decodes_to_null()
    {
        var opened = TokenNetworkAbi.ChannelOpenedEvent.Encode(U(1), A(2), A(3), U(4));
        var topics = opened.Topics;

        // A topic missing, a topic too many, data cut short, data too dirty for an address topic.
        Assert.Null(TokenNetworkContract.TryDecode(LogOf(opened with { Topics = [.. topics.Take(3)] }, Emitter, 0)));
        Assert.Null(TokenNetworkContract.TryDecode(LogOf(opened with { Topics = [.. topics, H(9)] }, Emitter, 0)));
        Assert.Null(TokenNetworkContract.TryDecode(LogOf(opened with { Data = opened.Data[..31] }, Emitter, 0)));
        Assert.Null(TokenNetworkContract.TryDecode(LogOf(opened with { Topics = [topics[0], topics[1], H(5), topics[3]] }, Emitter, 0)));
        Assert.NotNull(TokenNetworkContract.TryDecode(LogOf(opened, Emitter, 0)));
    }

    [Fact]
    public void The_events_of_a_receipt_are_those_its_contract_emitted_in_log_order()
    {
        var network = A(30);
        var other = A(31);
        var logs = new List<Log>
        {
            LogOf(TokenNetworkAbi.ChannelOpenedEvent.Encode(U(1), A(1), A(2), U(4)), network, 0),
            LogOf(TokenNetworkAbi.ChannelNewDepositEvent.Encode(U(1), A(1), U(5)), other, 1),
            LogOf(AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)").Encode(A(1), network, U(5)), network, 2),
            LogOf(TokenNetworkAbi.ChannelNewDepositEvent.Encode(U(1), A(1), U(6)), network, 3),
        };
        var receipt = new TransactionReceipt(TransactionHash, 0, BlockHash, 77, A(1), network, null, 90_000, 90_000, 1UL, true, 2, logs);
        using var rpc = new JsonRpcClient(new Uri("http://127.0.0.1:9/"));
        var binding = new TokenNetworkContract(new EthClient(rpc), network);

        var events = binding.EventsOf(receipt);

        Assert.Equal(
            [
                new ChannelOpened(U(1), A(1), A(2), U(4)) { Contract = network, BlockNumber = 77, BlockHash = BlockHash, TransactionHash = TransactionHash, LogIndex = 0 },
                new ChannelNewDeposit(U(1), A(1), U(6)) { Contract = network, BlockNumber = 77, BlockHash = BlockHash, TransactionHash = TransactionHash, LogIndex = 3 },
            ],
            events);
        Assert.Equal(events, TokenNetworkContract.EventsOf(receipt, network));
        Assert.Equal([1UL], TokenNetworkContract.EventsOf(receipt, other).Select(e => e.LogIndex));
    }

    private static Log LogOf(AbiLog abiLog, Address address, ulong logIndex) =>
        new(address, abiLog.Topics, abiLog.Data, 77, BlockHash, TransactionHash, 5, logIndex, false);

    private static ContractEvent? Decode(string name, Log log) => name switch
    {
        "ISecretRegistry" => SecretRegistryContract.TryDecode(log),
        "ITokenNetworkRegistry" => TokenNetworkRegistryContract.TryDecode(log),
        "ITokenNetwork" => TokenNetworkContract.TryDecode(log),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of our interfaces"),
    };

    private static List<(string Event, object?[] Values, ContractEvent Expected)> Events(string name) => name switch
    {
        "ISecretRegistry" => [("SecretRevealed", [H(1), H(2)], new SecretRevealed(H(1), H(2)))],
        "ITokenNetworkRegistry" => [("TokenNetworkCreated", [A(1), A(2)], new TokenNetworkCreated(A(1), A(2)))],
        "ITokenNetwork" =>
        [
            ("ChannelOpened", [U(1), A(2), A(3), U(4)], new ChannelOpened(U(1), A(2), A(3), U(4))),
            ("ChannelNewDeposit", [U(1), A(2), U(3)], new ChannelNewDeposit(U(1), A(2), U(3))),
            ("ChannelWithdraw", [U(1), A(2), U(3)], new ChannelWithdraw(U(1), A(2), U(3))),
            ("ChannelClosed", [U(1), A(2), U(3), H(4)], new ChannelClosed(U(1), A(2), U(3), H(4))),
            ("NonClosingBalanceProofUpdated", [U(1), A(2), U(3), H(4)], new NonClosingBalanceProofUpdated(U(1), A(2), U(3), H(4))),
            ("ChannelUnlocked", [U(1), A(2), H(3), U(4)], new ChannelUnlocked(U(1), A(2), H(3), U(4))),
            ("ChannelPunished", [U(1), A(2), A(3)], new ChannelPunished(U(1), A(2), A(3))),
            ("ChannelSettled", [U(1), U(2), U(3)], new ChannelSettled(U(1), U(2), U(3))),
            ("ChannelCooperativeSettled", [U(1), U(2), U(3)], new ChannelCooperativeSettled(U(1), U(2), U(3))),
            ("PayoutDeferred", [A(1), U(2)], new PayoutDeferred(A(1), U(2))),
            ("PayoutClaimed", [A(1), U(2)], new PayoutClaimed(A(1), U(2))),
            ("MonitorRewarded", [U(1), A(2), U(3)], new MonitorRewarded(U(1), A(2), U(3))),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not one of our interfaces"),
    };
}
