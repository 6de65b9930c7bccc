using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Eip712;

/// <summary>
/// Random typed data (nested structs, arrays of every kind, bytes, strings, ints of every width)
/// hashed and signed here and by ethers v6: encodeType, domain separator, digest and signature agree.
/// </summary>
public class TypedDataEthersCrossCheckTests
{
    private const int Cases = 250;

    [Fact]
    public async Task Hashes_and_signatures_of_random_typed_data_match_ethers()
    {
        var random = new Random(712);
        var cases = new JsonArray();
        var documents = new List<(string Json, PrivateKey Key)>();
        for (var i = 0; i < Cases; i++)
        {
            var generator = new Generator(random);
            var (types, message) = generator.Document();
            var domain = generator.Domain();
            var keyBytes = new byte[32];
            random.NextBytes(keyBytes);
            keyBytes[0] = (byte)(1 + keyBytes[0] % 0x7f);
            var key = new PrivateKey(keyBytes);
            cases.Add(new JsonObject
            {
                ["types"] = types.DeepClone(),
                ["primaryType"] = "T0",
                ["domain"] = domain.DeepClone(),
                ["message"] = message.DeepClone(),
                ["privateKey"] = key.ToHex(),
            });
            // Half of the documents name the domain type explicitly; ethers always infers it.
            var ours = types.DeepClone().AsObject();
            if (i % 2 == 0)
                ours["EIP712Domain"] = Generator.DomainType(domain);
            var document = new JsonObject { ["types"] = ours, ["primaryType"] = "T0", ["domain"] = domain, ["message"] = message };
            documents.Add((document.ToJsonString(), key));
        }

        var results = JsonDocument.Parse(await NodeScript.RunAsync("typeddata.cjs", cases.ToJsonString())).RootElement;

        for (var i = 0; i < Cases; i++)
        {
            var expected = results[i];
            var data = TypedData.Parse(documents[i].Json);
            var context = documents[i].Json;
            Assert.True(expected.GetProperty("encodeType").GetString() == data.Types.EncodeType("T0"), context);
            Assert.True(expected.GetProperty("domainSeparator").GetString() == data.DomainSeparator().ToString(), context);
            Assert.True(expected.GetProperty("hash").GetString() == data.Hash().ToString(), context);
            Assert.Equal(expected.GetProperty("signature").GetString(), documents[i].Key.Sign(data.Hash()).ToString());
            documents[i].Key.Dispose();
        }
    }

    private sealed class Generator(Random random)
    {
        private static readonly string[] Strings = ["", "Photon", "héllo wörld ✓", "𝄞 music", "line\nbreak \"quoted\"", new string('x', 100)];
        private readonly JsonObject _types = new();

        public (JsonObject Types, JsonNode Message) Document()
        {
            var count = random.Next(1, 5);
            var fields = new List<JsonArray>();
            for (var i = 0; i < count; i++)
            {
                var members = new JsonArray();
                for (var f = 0; f < random.Next(1, 5); f++)
                    members.Add(Member($"f{f}", ElementaryType()));
                fields.Add(members);
            }
            // Every struct after the first is referenced by an earlier one, so T0 is the only root (ethers needs one).
            for (var i = 1; i < count; i++)
            {
                var suffix = random.Next(3) switch { 0 => "", 1 => "[]", _ => $"[{random.Next(1, 3)}]" };
                fields[random.Next(i)].Add(Member($"s{i}", $"T{i}{suffix}"));
            }
            for (var i = 0; i < count; i++)
                _types[$"T{i}"] = fields[i];
            return (_types, Value("T0", 0));
        }

        public JsonObject Domain()
        {
            var domain = new JsonObject();
            while (domain.Count == 0)
            {
                if (random.Next(2) == 0)
                    domain["name"] = Strings[random.Next(Strings.Length)];
                if (random.Next(2) == 0)
                    domain["version"] = random.Next(10).ToString(CultureInfo.InvariantCulture);
                if (random.Next(2) == 0)
                    domain["chainId"] = random.Next(3) == 0 ? JsonValue.Create(random.Next(1, 100000)) : JsonValue.Create(Unsigned(256).ToString(CultureInfo.InvariantCulture));
                if (random.Next(2) == 0)
                    domain["verifyingContract"] = Hex.Encode(Bytes(20));
                if (random.Next(2) == 0)
                    domain["salt"] = Hex.Encode(Bytes(32));
            }
            return domain;
        }

        public static JsonArray DomainType(JsonObject domain)
        {
            var members = new JsonArray();
            foreach (var (name, type) in new[] { ("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address"), ("salt", "bytes32") })
            {
                if (domain.ContainsKey(name))
                    members.Add(Member(name, type));
            }
            return members;
        }

        private static JsonObject Member(string name, string type) => new() { ["name"] = name, ["type"] = type };

        private string ElementaryType()
        {
            var baseType = random.Next(8) switch
            {
                0 => $"uint{8 * random.Next(1, 33)}",
                1 => $"int{8 * random.Next(1, 33)}",
                2 => "address",
                3 => "bool",
                4 => $"bytes{random.Next(1, 33)}",
                5 => "bytes",
                6 => "string",
                _ => "uint256",
            };
            return random.Next(5) switch
            {
                0 => baseType + "[]",
                1 => baseType + $"[{random.Next(1, 4)}]",
                2 when random.Next(2) == 0 => baseType + $"[{random.Next(1, 3)}][]",
                _ => baseType,
            };
        }

        private JsonNode Value(string type, int depth)
        {
            if (type.EndsWith(']'))
            {
                var open = type.LastIndexOf('[');
                var element = type[..open];
                var length = type[(open + 1)..^1];
                var count = length.Length == 0 ? random.Next(0, depth > 1 ? 2 : 4) : int.Parse(length, CultureInfo.InvariantCulture);
                var array = new JsonArray();
                for (var i = 0; i < count; i++)
                    array.Add(Value(element, depth + 1));
                return array;
            }
            if (_types[type] is JsonArray members)
            {
                var obj = new JsonObject();
                foreach (var member in members)
                    obj[member!["name"]!.GetValue<string>()] = Value(member["type"]!.GetValue<string>(), depth + 1);
                return obj;
            }
            if (type.StartsWith("uint", StringComparison.Ordinal))
            {
                var value = Unsigned(int.Parse(type[4..], CultureInfo.InvariantCulture));
                return value < (BigInteger.One << 53) && random.Next(2) == 0
                    ? JsonValue.Create((long)value)
                    : JsonValue.Create(random.Next(2) == 0 ? value.ToString(CultureInfo.InvariantCulture) : UInt256.FromBigInteger(value).ToHexString());
            }
            if (type.StartsWith("int", StringComparison.Ordinal))
            {
                var bits = int.Parse(type[3..], CultureInfo.InvariantCulture);
                var value = Unsigned(bits) - (BigInteger.One << (bits - 1));
                return BigInteger.Abs(value) < (BigInteger.One << 53) && random.Next(2) == 0
                    ? JsonValue.Create((long)value)
                    : JsonValue.Create(value.ToString(CultureInfo.InvariantCulture));
            }
            return type switch
            {
                "address" => random.Next(2) == 0 ? new Address(Bytes(20)).ToString() : Hex.Encode(Bytes(20)),
                "bool" => random.Next(2) == 0,
                "bytes" => Hex.Encode(Bytes(random.Next(0, 80))),
                "string" => Strings[random.Next(Strings.Length)],
                _ when type.StartsWith("bytes", StringComparison.Ordinal) => Hex.Encode(Bytes(int.Parse(type[5..], CultureInfo.InvariantCulture))),
                _ => throw new InvalidOperationException(type),
            };
        }

        private BigInteger Unsigned(int bits)
        {
            // Edge values (0, max) a quarter of the time; otherwise uniform over a random width.
            var max = (BigInteger.One << bits) - 1;
            return random.Next(8) switch
            {
                0 => BigInteger.Zero,
                1 => max,
                _ => new BigInteger(Bytes((bits + 7) / 8), isUnsigned: true, isBigEndian: true) & (max >> random.Next(0, bits)),
            };
        }

        private byte[] Bytes(int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }
    }
}
