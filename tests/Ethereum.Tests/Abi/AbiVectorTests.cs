using System.Text;
using System.Text.Json;
using Photon.Ethereum.Abi;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Abi;

/// <summary>The Ethereum project's ABITests/basic_abi_tests.json.</summary>
public class AbiVectorTests
{
    private const string File = "ethereum-tests_ABITests_basic_abi_tests.json";

    public static TheoryData<string> Cases()
    {
        using var doc = Load();
        var data = new TheoryData<string>();
        foreach (var property in doc.RootElement.EnumerateObject())
            data.Add(property.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_and_decodes_every_vector(string name)
    {
        using var doc = Load();
        var vector = doc.RootElement.GetProperty(name);
        var types = AbiJson.ToTypes(vector.GetProperty("types"));
        var args = vector.GetProperty("args").EnumerateArray().ToArray();
        var values = types.Select((t, i) => Value(t, args[i])).ToArray();
        var expected = Hex.Decode(vector.GetProperty("result").GetString()!);

        Assert.Equal(Hex.Encode(expected), Hex.Encode(AbiCodec.Encode(types, values)));
        AbiAssert.Equal(values, AbiCodec.Decode(types, expected));
    }

    [Fact]
    public void The_vector_file_holds_its_three_cases() => Assert.Equal(3, Cases().Count);

    // The suite writes bytes values as text (their ASCII bytes); everything else reads as ABI JSON.
    private static object? Value(AbiType type, JsonElement arg) =>
        type is AbiBytesType or AbiFixedBytesType && arg.ValueKind == JsonValueKind.String && !arg.GetString()!.StartsWith("0x", StringComparison.Ordinal)
            ? Encoding.UTF8.GetBytes(arg.GetString()!)
            : AbiJson.ToValue(type, arg);

    private static JsonDocument Load() =>
        JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(RepoPaths.Vectors, File)));
}
