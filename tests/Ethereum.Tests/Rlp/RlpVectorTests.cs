using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Photon.Ethereum.Rlp;
using Photon.TestSupport;
using RlpCodec = Photon.Ethereum.Rlp.Rlp;

namespace Photon.Ethereum.Tests.Rlp;

/// <summary>The Ethereum project's own RLP suites (RLPTests/rlptest.json and invalidRLPTest.json).</summary>
public class RlpVectorTests
{
    private static JsonDocument Load(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Vectors, name)));

    public static TheoryData<string> ValidCases() => Names("ethereum-tests_RLPTests_rlptest.json");

    public static TheoryData<string> InvalidCases() => Names("ethereum-tests_RLPTests_invalidRLPTest.json");

    private static TheoryData<string> Names(string file)
    {
        using var doc = Load(file);
        var data = new TheoryData<string>();
        foreach (var property in doc.RootElement.EnumerateObject())
            data.Add(property.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Encodes_and_decodes_every_valid_vector(string name)
    {
        using var doc = Load("ethereum-tests_RLPTests_rlptest.json");
        var vector = doc.RootElement.GetProperty(name);
        var expected = Hex.Decode(vector.GetProperty("out").GetString()!);
        var item = ToItem(vector.GetProperty("in"));

        Assert.Equal(Hex.Encode(expected), Hex.Encode(RlpCodec.Encode(item)));
        Assert.Equal(expected.Length, item.EncodedLength);
        Assert.Equal(item, RlpCodec.Decode(expected));

        var writer = new RlpWriter(initialCapacity: 1);
        StreamingRlp.Write(writer, item);
        Assert.Equal(Hex.Encode(expected), Hex.Encode(writer.ToArray()));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Refuses_every_invalid_vector(string name)
    {
        using var doc = Load("ethereum-tests_RLPTests_invalidRLPTest.json");
        var bytes = Hex.Decode(doc.RootElement.GetProperty(name).GetProperty("out").GetString()!);
        Assert.Throws<RlpException>(() => RlpCodec.Decode(bytes));
    }

    [Fact]
    public void The_vector_files_hold_all_their_cases()
    {
        Assert.Equal(28, ValidCases().Count);
        Assert.Equal(26, InvalidCases().Count);
    }

    // "in" is a text string (its bytes), a JSON integer, "#<decimal>" for a big integer, or a list.
    private static RlpItem ToItem(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.Array:
                return RlpItem.List(input.EnumerateArray().Select(ToItem));
            case JsonValueKind.Number:
                return RlpItem.Of(input.GetUInt64());
            case JsonValueKind.String:
                var text = input.GetString()!;
                if (text.StartsWith('#'))
                {
                    var big = BigInteger.Parse(text[1..], CultureInfo.InvariantCulture);
                    return RlpItem.Of(big.ToByteArray(isUnsigned: true, isBigEndian: true));
                }
                return RlpItem.Of(Encoding.UTF8.GetBytes(text));
            default:
                throw new InvalidOperationException($"unexpected vector input {input.ValueKind}");
        }
    }
}
