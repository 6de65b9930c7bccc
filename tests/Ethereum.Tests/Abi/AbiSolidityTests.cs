using System.Numerics;
using System.Text.Json.Nodes;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>
/// The ABI layer against the real thing: a contract compiled by solc and run on Anvil. Our call
/// encodings are executed by the EVM, its return data, revert data and logs are decoded by us,
/// indexed struct and array topics computed by Solidity are recomputed by us, and the JSON ABI
/// solc writes is read by <see cref="ContractAbi"/> and checked against solc's method identifiers.
/// </summary>
public class AbiSolidityTests(AbiSolidityTests.Probe probe) : IClassFixture<AbiSolidityTests.Probe>
{
    private const string Source = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;

        contract AbiProbe {
            struct Leg { address to; uint96 amount; bytes memo; }
            struct Order { uint64 id; Leg[] legs; string note; int24 tick; bytes32 tag; }

            event Simple(address indexed from, uint256 indexed value, bool flag, int8 small);
            event Hashed(string indexed text, bytes indexed blob, uint16[3] indexed triple, string plainText);
            event Structured(Order indexed order, Leg[] indexed legs, Order copy);
            event Nested(uint256[][] indexed grid, string[2] indexed pair);
            event Anon(uint256 indexed a, bytes32 indexed b, string c) anonymous;

            error Refused(address who, uint256 code, string why);

            function echo(Order calldata order) external pure returns (Order memory) { return order; }

            function sums(uint256[][] calldata grid) external pure returns (uint256[] memory totals, int256 negated) {
                totals = new uint256[](grid.length);
                int256 all;
                for (uint256 i = 0; i < grid.length; i++) {
                    for (uint256 j = 0; j < grid[i].length; j++) totals[i] += grid[i][j];
                    all += int256(totals[i]);
                }
                negated = -all;
            }

            function emitAll(
                Order calldata order, string calldata text, bytes calldata blob,
                uint16[3] calldata triple, uint256[][] calldata grid, string[2] calldata pair) external {
                emit Simple(msg.sender, 42, true, -7);
                emit Hashed(text, blob, triple, text);
                emit Structured(order, order.legs, order);
                emit Nested(grid, pair);
                emit Anon(7, keccak256(blob), text);
            }

            function fail(uint256 code) external view returns (uint256) {
                if (code == 0) revert("plain reason");
                if (code == 1) revert Refused(msg.sender, code, "custom");
                uint256[] memory one = new uint256[](1);
                return one[code];
            }

            function overloaded(uint256 x) external pure returns (uint256) { return x; }
            function overloaded(address a) external pure returns (address) { return a; }

            receive() external payable {}
            fallback() external {}
        }
        """;

    private static readonly AbiFunction Echo = AbiFunction.Parse(
        "function echo((uint64 id, (address to, uint96 amount, bytes memo)[] legs, string note, int24 tick, bytes32 tag) order) " +
        "pure returns ((uint64 id, (address to, uint96 amount, bytes memo)[] legs, string note, int24 tick, bytes32 tag))");

    private static readonly AbiFunction Sums = AbiFunction.Parse("function sums(uint256[][] grid) pure returns (uint256[] totals, int256 negated)");

    private static readonly AbiFunction EmitAll = AbiFunction.Parse(
        "function emitAll((uint64,(address,uint96,bytes)[],string,int24,bytes32) order, string text, bytes blob, uint16[3] triple, uint256[][] grid, string[2] pair)");

    private static readonly AbiFunction Fail = AbiFunction.Parse("function fail(uint256 code) view returns (uint256)");

    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly Address Bob = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    private static readonly object?[] Order =
    [
        new UInt256(7),
        new object?[]
        {
            new object?[] { Alice, new UInt256(1000), Enumerable.Range(0, 40).Select(i => (byte)i).ToArray() },
            new object?[] { Bob, UInt256.FromBigInteger((BigInteger.One << 96) - 1), Array.Empty<byte>() },
        },
        "zwölf 🚀",
        new BigInteger(-5000),
        Keccak256.Hash("tag").ToArray(),
    ];

    private static readonly object?[] Grid = [new object?[] { new UInt256(1), new UInt256(2) }, Array.Empty<object?>(), new object?[] { new UInt256(39) }];
    private static readonly object?[] Pair = ["left", "right side, longer than thirty-two bytes"];
    private static readonly object?[] Triple = [new UInt256(1), new UInt256(65535), new UInt256(0)];
    private static readonly byte[] Blob = [0xde, 0xad, 0xbe, 0xef];
    private const string Text = "héllo";

    [Fact]
    public void Solidity_echoes_a_nested_struct_we_encoded_and_we_decode_its_answer()
    {
        var result = probe.Call(0);
        AbiAssert.Equal(Order, Echo.DecodeOutput(result)[0]);
        // Solidity's encoder and ours are byte-identical.
        Assert.Equal(Hex.Encode(Echo.EncodeOutput([Order])), Hex.Encode(result));
    }

    [Fact]
    public void Solidity_computes_on_nested_dynamic_arrays_we_encoded()
    {
        var values = Sums.DecodeOutput(probe.Call(1));
        AbiAssert.Equal(new object?[] { new UInt256(3), UInt256.Zero, new UInt256(39) }, values["totals"]);
        Assert.Equal(new BigInteger(-42), values["negated"]);
    }

    [Fact]
    public void Decodes_revert_reasons_custom_errors_and_panics()
    {
        var abi = probe.Abi;
        var reason = abi.DecodeError(probe.Revert(2))!;
        Assert.Same(AbiError.ErrorString, reason.Error);
        Assert.Equal("plain reason", reason.Values["message"]);

        var custom = abi.DecodeError(probe.Revert(3))!;
        Assert.Equal("Refused", custom.Error.Name);
        Assert.Equal(new UInt256(1), custom.Values["code"]);
        Assert.Equal("custom", custom.Values["why"]);
        Assert.Equal(probe.From, custom.Values["who"]);

        var panic = abi.DecodeError(probe.Revert(4))!;
        Assert.Same(AbiError.Panic, panic.Error);
        Assert.Equal(new UInt256(0x32), panic.Values["code"]);
    }

    [Fact]
    public void Decodes_every_log_Solidity_emitted_and_recomputes_its_indexed_topics()
    {
        var logs = probe.Logs;
        Assert.Equal(5, logs.Count);
        var abi = probe.Abi;

        var simple = abi.DecodeLog(logs[0].Topics, logs[0].Data.Span)!;
        Assert.Equal("Simple", simple.Event.Name);
        Assert.Equal(probe.From, simple.Values["from"]);
        Assert.Equal(new UInt256(42), simple.Values["value"]);
        Assert.Equal(true, simple.Values["flag"]);
        Assert.Equal(new BigInteger(-7), simple.Values["small"]);

        var hashed = abi.DecodeLog(logs[1].Topics, logs[1].Data.Span)!;
        Assert.Equal(Keccak256.Hash(Text), hashed.Values["text"]);
        Assert.Equal(Keccak256.Hash(Blob), hashed.Values["blob"]);
        Assert.Equal(AbiEvent.EncodeTopic(AbiType.Parse("uint16[3]"), Triple), hashed.Values["triple"]);
        Assert.Equal(Text, hashed.Values["plainText"]);

        // The in-place encoding of an indexed struct holding an array of structs holding bytes.
        var structured = abi.DecodeLog(logs[2].Topics, logs[2].Data.Span)!;
        var orderType = structured.Event.Inputs[0].Type;
        Assert.Equal(AbiEvent.EncodeTopic(orderType, Order), structured.Values["order"]);
        Assert.Equal(AbiEvent.EncodeTopic(structured.Event.Inputs[1].Type, Order[1]), structured.Values["legs"]);
        AbiAssert.Equal(Order, structured.Values["copy"]);

        var nested = abi.DecodeLog(logs[3].Topics, logs[3].Data.Span)!;
        Assert.Equal(AbiEvent.EncodeTopic(AbiType.Parse("uint256[][]"), Grid), nested.Values["grid"]);
        Assert.Equal(AbiEvent.EncodeTopic(AbiType.Parse("string[2]"), Pair), nested.Values["pair"]);

        // Anonymous: no topic 0, so it is found by name, not by topic.
        Assert.Null(abi.DecodeLog(logs[4].Topics, logs[4].Data.Span));
        var anon = abi.GetEvent("Anon").Decode(logs[4].Topics, logs[4].Data.Span);
        Assert.Equal(new UInt256(7), anon["a"]);
        Assert.Equal(Keccak256.Hash(Blob).ToArray(), anon["b"]);
        Assert.Equal(Text, anon["c"]);

        // And our encoding of each log equals what the EVM emitted.
        var emitted = probe.Abi.Events.Where(e => e.Name != "Anon").ToDictionary(e => e.Name);
        var mine = emitted["Structured"].Encode(Order, Order[1], Order);
        Assert.Equal(logs[2].Topics, mine.Topics);
        Assert.Equal(Hex.Encode(logs[2].Data.Span), Hex.Encode(mine.Data.Span));
    }

    [Fact]
    public void Reads_the_JSON_ABI_solc_writes_and_agrees_with_solc_and_ethers_on_every_identifier()
    {
        var abi = probe.Abi;
        Assert.Equal(probe.MethodIdentifiers.Count, abi.Functions.Count);
        foreach (var function in abi.Functions)
            Assert.Equal(probe.MethodIdentifiers[function.Signature], function.SelectorHex[2..]);
        Assert.Equal(5, abi.Events.Count);
        foreach (var e in abi.Events)
            Assert.Equal(probe.EventTopics[e.Signature], e.Topic0.ToString());
        var refused = Assert.Single(abi.Errors);
        Assert.Equal(probe.ErrorSelectors[refused.Signature], refused.SelectorHex);

        Assert.Equal(Echo.Signature, abi.GetFunction("echo").Signature);
        Assert.Equal(Echo.Outputs.Select(o => o.Type), abi.GetFunction("echo").Outputs.Select(o => o.Type));
        Assert.Equal(["id", "legs", "note", "tick", "tag"], ((AbiTupleType)abi.GetFunction("echo").Inputs[0].Type).Components.Select(c => c.Name));
        Assert.Equal(AbiStateMutability.Pure, abi.GetFunction("echo").StateMutability);
        Assert.Equal(AbiStateMutability.View, abi.GetFunction("fail").StateMutability);
        Assert.Throws<System.Reflection.AmbiguousMatchException>(() => abi.GetFunction("overloaded"));
        Assert.Equal("overloaded(address)", abi.GetFunction("overloaded(address)").Signature);
        Assert.Equal("sums", abi.FindFunction(Sums.EncodeCall([Grid]))!.Name);
        Assert.True(abi.HasReceive);
        Assert.Equal(AbiStateMutability.NonPayable, abi.Fallback);
        Assert.Null(abi.Constructor);

        // Our JSON ABI reads back to the same interface.
        var again = ContractAbi.Parse(abi.ToJson());
        Assert.Equal(abi.Functions.Select(f => f.ToString()), again.Functions.Select(f => f.ToString()));
        Assert.Equal(abi.Events.Select(f => f.ToString()), again.Events.Select(f => f.ToString()));
        Assert.Equal(abi.Errors.Select(f => f.ToString()), again.Errors.Select(f => f.ToString()));
    }

    /// <summary>Compiles, deploys and runs everything in one node process.</summary>
    public sealed class Probe : IAsyncLifetime
    {
        private JsonNode _response = new JsonObject();

        public ContractAbi Abi { get; private set; } = new([], [], []);

        /// <summary>The Anvil account that made every call and transaction: <c>msg.sender</c> in the contract.</summary>
        public Address From { get; private set; }

        public Dictionary<string, string> MethodIdentifiers { get; } = [];

        public Dictionary<string, string> EventTopics { get; } = [];

        public Dictionary<string, string> ErrorSelectors { get; } = [];

        public List<AbiLog> Logs { get; } = [];

        public async Task InitializeAsync()
        {
            string[] calls =
            [
                Hex.Encode(Echo.EncodeCall([Order])),
                Hex.Encode(Sums.EncodeCall([Grid])),
                Hex.Encode(Fail.EncodeCall(0)),
                Hex.Encode(Fail.EncodeCall(1)),
                Hex.Encode(Fail.EncodeCall(5)),
            ];
            string[] transactions = [Hex.Encode(EmitAll.EncodeCall(Order, Text, Blob, Triple, Grid, Pair))];
            var request = new JsonObject
            {
                ["source"] = Source,
                ["contract"] = "AbiProbe",
                ["calls"] = new JsonArray([.. calls.Select(c => (JsonNode)c)]),
                ["transactions"] = new JsonArray([.. transactions.Select(t => (JsonNode)t)]),
            };
            var output = await NodeScript.RunAsync("abi-solidity.cjs", request.ToJsonString(), TimeSpan.FromMinutes(3));
            _response = JsonNode.Parse(output)!;
            Abi = ContractAbi.Parse(_response["abi"]!.ToJsonString());
            From = Address.Parse(_response["from"]!.GetValue<string>());
            Fill(MethodIdentifiers, "methodIdentifiers");
            Fill(EventTopics, "eventTopics");
            Fill(ErrorSelectors, "errorSelectors");
            var transaction = _response["transactions"]![0]!;
            Assert.True(transaction["ok"]!.GetValue<bool>(), "emitAll failed on Anvil");
            foreach (var log in transaction["logs"]!.AsArray())
            {
                Logs.Add(new AbiLog(
                    [.. log!["topics"]!.AsArray().Select(t => Hash256.Parse(t!.GetValue<string>()))],
                    Hex.Decode(log["data"]!.GetValue<string>())));
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public byte[] Call(int index)
        {
            var call = _response["calls"]![index]!;
            Assert.True(call["ok"]!.GetValue<bool>(), $"call {index} failed: {call["message"]}");
            return Hex.Decode(call["data"]!.GetValue<string>());
        }

        public byte[] Revert(int index)
        {
            var call = _response["calls"]![index]!;
            Assert.False(call["ok"]!.GetValue<bool>(), $"call {index} should have reverted");
            return Hex.Decode(call["data"]!.GetValue<string>());
        }

        private void Fill(Dictionary<string, string> target, string property)
        {
            foreach (var (key, value) in _response[property]!.AsObject())
                target[key] = value!.GetValue<string>();
        }
    }
}
