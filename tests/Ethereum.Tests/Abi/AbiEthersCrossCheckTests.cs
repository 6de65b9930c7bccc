using System.Text.Json.Nodes;
using Photon.Ethereum.Abi;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>
/// Random ABI types, values, functions and events (seeded), checked against ethers v6 in one
/// node process: encodings must be byte-identical, and each side must decode the other's output
/// to the same values.
/// </summary>
public class AbiEthersCrossCheckTests(AbiEthersCrossCheckTests.Batch batch) : IClassFixture<AbiEthersCrossCheckTests.Batch>
{
    [Fact]
    public void Encodes_random_values_exactly_like_ethers()
    {
        Assert.Equal(batch.Cases.Count, batch.Response["encode"]!.AsArray().Count);
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var (types, _, ours) = batch.Cases[i];
            var theirs = Result(batch.Response["encode"]![i], Describe(types));
            Assert.Equal(Hex.Encode(ours), theirs["hex"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Decodes_the_encodings_of_ethers_to_the_original_values()
    {
        Assert.Equal(batch.Cases.Count, batch.Response["encode"]!.AsArray().Count);
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var (types, values, _) = batch.Cases[i];
            var theirs = Hex.Decode(Result(batch.Response["encode"]![i], Describe(types))["hex"]!.GetValue<string>());
            AbiAssert.Equal(values, AbiCodec.Decode(types, theirs), Describe(types));
        }
    }

    [Fact]
    public void Ethers_decodes_our_encodings_to_the_original_values()
    {
        Assert.Equal(batch.Cases.Count, batch.Response["decode"]!.AsArray().Count);
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var (types, values, _) = batch.Cases[i];
            var theirs = Result(batch.Response["decode"]![i], Describe(types))["values"];
            AssertJsonEqual(AbiJson.ToJson(types, values), theirs, Describe(types));
        }
    }

    [Fact]
    public void Signatures_selectors_and_topics_match_ethers()
    {
        Assert.Equal(batch.Fragments.Count, batch.Response["fragments"]!.AsArray().Count);
        for (var i = 0; i < batch.Fragments.Count; i++)
        {
            var (text, signature, hash) = batch.Fragments[i];
            var theirs = Result(batch.Response["fragments"]![i], text);
            Assert.Equal(signature, theirs["format"]!.GetValue<string>());
            Assert.Equal(hash, (theirs["selector"] ?? theirs["topicHash"])!.GetValue<string>());
        }
    }

    [Fact]
    public void Ethers_decodes_our_event_logs_to_the_original_values()
    {
        Assert.Equal(batch.Events.Count, batch.Response["eventLogs"]!.AsArray().Count);
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var (abiEvent, values, log) = batch.Events[i];
            var theirs = Result(batch.Response["eventLogs"]![i], abiEvent.ToString());
            var decoded = Result(theirs["decoded"], abiEvent.ToString());
            var expected = AbiJson.ToJson(abiEvent.Decode(log.Topics, log.Data.Span), namedTuples: false);
            AssertJsonEqual(new JsonArray([.. ((JsonObject)expected).Select(p => p.Value?.DeepClone())]), decoded, abiEvent.ToString());
            // Our decoding gives back the values, except indexed non-elementary ones, which only exist as hashes.
            var ours = abiEvent.Decode(log.Topics, log.Data.Span);
            for (var j = 0; j < values.Length; j++)
            {
                var input = abiEvent.Inputs[j];
                if (input.Indexed && !input.Type.IsElementary)
                    Assert.Equal(AbiEvent.EncodeTopic(input.Type, values[j]), ours[j]);
                else
                    AbiAssert.Equal(values[j], ours[j], abiEvent.ToString());
            }
        }
    }

    [Fact]
    public void Event_logs_of_ethers_are_identical_to_ours_and_decode()
    {
        var compared = 0;
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var (abiEvent, values, log) = batch.Events[i];
            var theirs = batch.Response["eventLogs"]![i]!["encoded"];
            if (theirs is null)
                continue;
            var encoded = Result(theirs, abiEvent.ToString());
            var topics = encoded["topics"]!.AsArray().Select(t => Hash256.Parse(t!.GetValue<string>())).ToList();
            var data = Hex.Decode(encoded["data"]!.GetValue<string>());
            Assert.Equal(log.Topics, topics);
            Assert.Equal(Hex.Encode(log.Data.Span), Hex.Encode(data));
            var decoded = abiEvent.Decode(topics, data);
            for (var j = 0; j < values.Length; j++)
            {
                if (!abiEvent.Inputs[j].Indexed || abiEvent.Inputs[j].Type.IsElementary)
                    AbiAssert.Equal(values[j], decoded[j], abiEvent.ToString());
            }
            compared++;
        }
        Assert.True(compared >= 50, $"only {compared} events could be encoded by ethers");
    }

    [Fact]
    public void Packed_encoding_matches_ethers_solidityPacked()
    {
        Assert.Equal(batch.Packed.Count, batch.Response["packed"]!.AsArray().Count);
        for (var i = 0; i < batch.Packed.Count; i++)
        {
            var (types, _, ours) = batch.Packed[i];
            var theirs = Result(batch.Response["packed"]![i], Describe(types));
            Assert.Equal(theirs["hex"]!.GetValue<string>(), Hex.Encode(ours));
        }
    }

    private static string Describe(IEnumerable<AbiType> types) => string.Join(",", types.Select(t => t.ToString()));

    private static JsonNode Result(JsonNode? node, string context)
    {
        Assert.NotNull(node);
        if (node is JsonObject obj && obj["error"] is { } error)
            Assert.Fail($"ethers failed on {context}: {error}");
        return node;
    }

    private static void AssertJsonEqual(JsonNode? expected, JsonNode? actual, string context)
    {
        if (!JsonNode.DeepEquals(expected, actual))
            Assert.Fail($"JSON differs for {context}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    /// <summary>Generates every case and runs the node script once for all of them.</summary>
    public sealed class Batch : IAsyncLifetime
    {
        public List<(AbiType[] Types, object?[] Values, byte[] Encoded)> Cases { get; } = [];

        public List<(string Text, string Signature, string Hash)> Fragments { get; } = [];

        public List<(AbiEvent Event, object?[] Values, AbiLog Log)> Events { get; } = [];

        public List<(AbiType[] Types, object?[] Values, byte[] Packed)> Packed { get; } = [];

        public JsonNode Response { get; private set; } = new JsonObject();

        public async Task InitializeAsync()
        {
            var random = new AbiRandom(6_17_0);
            var encode = new JsonArray();
            var decode = new JsonArray();
            for (var i = 0; i < 300; i++)
            {
                var types = Enumerable.Range(0, random.Random.Next(1, 5)).Select(_ => random.Type()).ToArray();
                var values = types.Select(random.Value).ToArray();
                var encoded = AbiCodec.Encode(types, values);
                Cases.Add((types, values, encoded));
                var typeNames = new JsonArray([.. types.Select(t => (JsonNode)t.ToString())]);
                encode.Add(new JsonObject { ["types"] = typeNames, ["values"] = AbiJson.ToJson(types, values) });
                decode.Add(new JsonObject { ["types"] = typeNames.DeepClone(), ["data"] = Hex.Encode(encoded) });
            }

            var fragments = new JsonArray();
            for (var i = 0; i < 150; i++)
            {
                var inputs = Parameters(random, random.Random.Next(0, 5), indexedAllowed: i % 3 == 1);
                string text, signature, hash;
                switch (i % 3)
                {
                    case 0:
                        var function = new AbiFunction("f" + i, inputs, Parameters(random, random.Random.Next(0, 3), false), (AbiStateMutability)random.Random.Next(4));
                        (text, signature, hash) = (function.ToString(), function.Signature, function.SelectorHex);
                        Assert.Equal(function.Signature, AbiFunction.Parse(text).Signature);
                        break;
                    case 1:
                        var abiEvent = new AbiEvent("E" + i, inputs);
                        (text, signature, hash) = (abiEvent.ToString(), abiEvent.Signature, abiEvent.Topic0.ToString());
                        Assert.Equal(abiEvent.Signature, AbiEvent.Parse(text).Signature);
                        break;
                    default:
                        var error = new AbiError("Err" + i, inputs);
                        (text, signature, hash) = (error.ToString(), error.Signature, error.SelectorHex);
                        Assert.Equal(error.Signature, AbiError.Parse(text).Signature);
                        break;
                }
                Fragments.Add((text, signature, hash));
                fragments.Add(text);
            }

            var eventLogs = new JsonArray();
            for (var i = 0; i < 120; i++)
            {
                var inputs = Parameters(random, random.Random.Next(1, 6), indexedAllowed: true);
                var abiEvent = new AbiEvent("Log" + i, inputs, anonymous: random.Random.Next(8) == 0 && inputs.Count(p => p.Indexed) <= 4);
                var values = inputs.Select(p => random.Value(p.Type)).ToArray();
                var log = abiEvent.Encode(values);
                Events.Add((abiEvent, values, log));
                var request = new JsonObject
                {
                    ["fragment"] = abiEvent.ToAbiJson(),
                    ["topics"] = new JsonArray([.. log.Topics.Select(t => (JsonNode)t.ToString())]),
                    ["data"] = Hex.Encode(log.Data.Span),
                };
                // ethers hashes indexed strings and bytes but cannot encode indexed arrays or tuples.
                if (inputs.All(p => !p.Indexed || p.Type.IsElementary || p.Type is AbiStringType or AbiBytesType))
                    request["values"] = AbiJson.ToJson(inputs.Select(p => p.Type).ToArray(), values);
                eventLogs.Add(request);
            }

            var packed = new JsonArray();
            for (var i = 0; i < 150; i++)
            {
                var types = Enumerable.Range(0, random.Random.Next(1, 5)).Select(_ => PackableType(random)).ToArray();
                var values = types.Select(random.Value).ToArray();
                Packed.Add((types, values, AbiPacked.Encode(types, values)));
                packed.Add(new JsonObject
                {
                    ["types"] = new JsonArray([.. types.Select(t => (JsonNode)t.ToString())]),
                    ["values"] = AbiJson.ToJson(types, values),
                });
            }

            var requestJson = new JsonObject
            {
                ["encode"] = encode,
                ["decode"] = decode,
                ["fragments"] = fragments,
                ["eventLogs"] = eventLogs,
                ["packed"] = packed,
            }.ToJsonString();
            var output = await NodeScript.RunAsync("abi.cjs", requestJson);
            Response = JsonNode.Parse(output) ?? throw new InvalidOperationException("abi.cjs printed nothing");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private static List<AbiParameter> Parameters(AbiRandom random, int count, bool indexedAllowed)
        {
            var parameters = new List<AbiParameter>();
            var indexed = 0;
            for (var i = 0; i < count; i++)
            {
                var isIndexed = indexedAllowed && indexed < 3 && random.Random.Next(3) == 0;
                indexed += isIndexed ? 1 : 0;
                parameters.Add(new AbiParameter("a" + i, random.Type(1), isIndexed));
            }
            return parameters;
        }

        private static AbiType PackableType(AbiRandom random)
        {
            while (true)
            {
                var type = random.Type(2);
                if (type.IsElementary || type is AbiBytesType or AbiStringType)
                    return type;
                if (type is AbiArrayType { Element.IsElementary: true } or AbiFixedArrayType { Element.IsElementary: true })
                    return type;
            }
        }
    }
}
