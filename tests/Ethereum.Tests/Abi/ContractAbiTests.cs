using Photon.Ethereum.Abi;

namespace Photon.Ethereum.Tests.Abi;

public class ContractAbiTests
{
    // The example of the Solidity ABI spec ("Handling tuple types"), plus the other fragment kinds.
    private const string Json = """
        [
          { "type": "constructor", "inputs": [{ "name": "owner", "type": "address" }], "stateMutability": "payable" },
          { "name": "f", "type": "function", "inputs": [
              { "name": "s", "type": "tuple", "components": [
                  { "name": "a", "type": "uint256" },
                  { "name": "b", "type": "uint256[]" },
                  { "name": "c", "type": "tuple[]", "components": [
                      { "name": "x", "type": "uint256" }, { "name": "y", "type": "uint256" } ] } ] },
              { "name": "t", "type": "tuple", "components": [
                  { "name": "x", "type": "uint256" }, { "name": "y", "type": "uint256" } ] },
              { "name": "a", "type": "uint256" } ],
            "outputs": [] },
          { "type": "function", "name": "g", "inputs": [{ "name": "", "type": "tuple[2][]", "components": [{ "name": "k", "type": "bytes32" }] }],
            "outputs": [{ "name": "", "type": "uint256" }], "constant": true },
          { "type": "function", "name": "g", "inputs": [{ "name": "x", "type": "uint" }], "outputs": [], "payable": true },
          { "type": "event", "name": "Event", "inputs": [
              { "name": "a", "type": "uint256", "indexed": true }, { "name": "b", "type": "bytes32", "indexed": false } ],
            "anonymous": false },
          { "type": "error", "name": "Unauthorized", "inputs": [{ "name": "caller", "type": "address" }] },
          { "type": "fallback", "stateMutability": "payable" },
          { "type": "receive", "stateMutability": "payable" }
        ]
        """;

    [Fact]
    public void Reads_tuples_nested_in_arrays_from_components()
    {
        var abi = ContractAbi.Parse(Json);
        var f = abi.GetFunction("f");
        Assert.Equal("f((uint256,uint256[],(uint256,uint256)[]),(uint256,uint256),uint256)", f.Signature);
        var s = Assert.IsType<AbiTupleType>(f.Inputs[0].Type);
        Assert.Equal(["a", "b", "c"], s.Components.Select(c => c.Name));
        var c = Assert.IsType<AbiArrayType>(s.Components[2].Type);
        Assert.Equal(["x", "y"], Assert.IsType<AbiTupleType>(c.Element).Components.Select(m => m.Name));
        Assert.Equal("g((bytes32)[2][])", abi.GetFunction("g((bytes32)[2][])").Signature);
    }

    [Fact]
    public void Reads_every_fragment_kind_and_legacy_mutability_flags()
    {
        var abi = ContractAbi.Parse(Json);
        Assert.Equal(3, abi.Functions.Count);
        Assert.Equal(AbiStateMutability.Payable, abi.Constructor!.StateMutability);
        Assert.Equal("owner", abi.Constructor.Inputs[0].Name);
        Assert.Equal(AbiStateMutability.View, abi.GetFunction("g((bytes32)[2][])").StateMutability);
        Assert.Equal(AbiStateMutability.Payable, abi.GetFunction("g(uint)").StateMutability);
        Assert.True(Assert.Single(abi.Events).Inputs[0].Indexed);
        Assert.Equal("Unauthorized(address)", Assert.Single(abi.Errors).Signature);
        Assert.Equal(AbiStateMutability.Payable, abi.Fallback);
        Assert.True(abi.HasReceive);
    }

    [Fact]
    public void Reads_an_artifact_object_with_an_abi_property()
    {
        var abi = ContractAbi.Parse("""{ "contractName": "X", "abi": [{ "type": "function", "name": "x", "inputs": [] }], "bytecode": "0x" }""");
        Assert.Equal("x()", Assert.Single(abi.Functions).Signature);
        Assert.Null(abi.Constructor);
        Assert.False(abi.HasFallback);
    }

    [Fact]
    public void Looks_members_up_by_name_signature_selector_and_topic()
    {
        var abi = ContractAbi.Parse(Json);
        Assert.Throws<System.Reflection.AmbiguousMatchException>(() => abi.GetFunction("g"));
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("h"));
        Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("g(address)"));
        Assert.False(abi.TryGetFunction("g", out _));
        Assert.True(abi.TryGetFunction("f", out var f));

        var call = f!.EncodeCall(new object[] { 1, new[] { 2, 3 }, new[] { new[] { 4, 5 } } }, new[] { 6, 7 }, 8);
        var decoded = abi.DecodeCall(call)!;
        Assert.Same(f, decoded.Function);
        Assert.Equal(new UInt256(8), decoded.Arguments["a"]);
        Assert.Null(abi.FindFunction([1, 2, 3, 4]));
        Assert.Null(abi.FindFunction([1, 2]));

        var e = abi.GetEvent("Event");
        Assert.Same(e, abi.FindEvent(e.Topic0));
        var log = e.Encode(9, new byte[32]);
        Assert.Equal(new UInt256(9), abi.DecodeLog(log.Topics, log.Data.Span)!.Values["a"]);
        Assert.Null(abi.DecodeLog([], []));

        var unauthorized = abi.GetError("Unauthorized");
        var revert = unauthorized.Encode(Address.Zero);
        Assert.Same(unauthorized, abi.DecodeError(revert)!.Error);
        Assert.Same(AbiError.ErrorString, abi.FindError(AbiError.ErrorString.Encode("x")));
        Assert.Same(AbiError.Panic, abi.FindError(AbiError.Panic.Encode(1)));
        Assert.Null(abi.DecodeError([0, 0, 0, 0]));
        Assert.Null(abi.DecodeError([]));
    }

    [Fact]
    public void Writes_a_JSON_ABI_that_reads_back_the_same()
    {
        var abi = ContractAbi.Parse(Json);
        var again = ContractAbi.Parse(abi.ToJson());
        Assert.Equal(abi.Functions.Select(f => f.ToString()), again.Functions.Select(f => f.ToString()));
        Assert.Equal(abi.Functions.Select(f => f.StateMutability), again.Functions.Select(f => f.StateMutability));
        Assert.Equal(abi.Events.Select(e => e.ToString()), again.Events.Select(e => e.ToString()));
        Assert.Equal(abi.Errors.Select(e => e.ToString()), again.Errors.Select(e => e.ToString()));
        Assert.Equal(abi.Constructor!.ToString(), again.Constructor!.ToString());
        Assert.Equal(abi.Fallback, again.Fallback);
        Assert.Equal(abi.HasReceive, again.HasReceive);
    }

    [Theory]
    [InlineData("not json", "", "the JSON ABI is not valid JSON: 'not json' is an invalid JSON literal")]
    [InlineData("""{"type":"function"}""", "", "a JSON ABI is an array of fragments, got an object")]
    [InlineData("""[{"type":"function","inputs":[]}]""", "[0]", "'name' is missing")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"uint7"}]}]""", "[0].inputs[0]", "uint7 is not an ABI type")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"tuple"}]}]""", "[0].inputs[0]", "'tuple' needs a 'components' array")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"tuple[","components":[{"type":"bool"}]}]}]""", "[0].inputs[0]", "expected ']' at the end")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"uint8","components":[]}]}]""", "[0].inputs[0]", "'uint8' is not a tuple type but has 'components'")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"tuple","components":[{"type":"bool"},{"type":"bytes0"}]}]}]""", "[0].inputs[0].components[1]", "unknown type 'bytes0'")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"uint8","indexed":true}]}]""", "[0].inputs[0]", "'indexed' is only allowed on event inputs")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":5}]}]""", "[0].inputs[0]", "'type' must be a string, got the number 5")]
    [InlineData("""[{"type":"function","name":"f","inputs":{}}]""", "[0]", "'inputs' must be an array, got an object")]
    [InlineData("""[{"type":"function","name":"f","stateMutability":"sometimes"}]""", "[0]", "unknown stateMutability 'sometimes'")]
    [InlineData("""[{"type":"modifier","name":"m"}]""", "[0]", "unknown ABI fragment type 'modifier'")]
    [InlineData("""[{"type":"function","name":"f(x)"}]""", "[0]", "'f(x)' is not a valid function name")]
    [InlineData("""[{"type":"event","name":"E","anonymous":"yes"}]""", "[0]", "'anonymous' must be true or false, got a string")]
    [InlineData("""[{"type":"function","name":"f"},{"type":"function","name":"f"}]""", "", "functions f() and f() share the selector 0x26121ff0")]
    [InlineData("""[{"type":"constructor"},{"type":"constructor"}]""", "[1]", "the ABI declares two constructors")]
    [InlineData("""[1]""", "[0]", "an ABI fragment is an object, got the number 1")]
    public void Refuses_malformed_JSON_ABIs_and_says_where(string json, string path, string reason)
    {
        var error = Assert.Throws<AbiException>(() => ContractAbi.Parse(json));
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"type":"function","name":"f\ud800"}]""", "'name': the string is not valid text (it holds a lone surrogate)", "[0]")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"uint8\udc00"}]}]""", "'type': the string is not valid text (it holds a lone surrogate)", "[0].inputs[0]")]
    [InlineData("""[{"type":"\ud800"}]""", "'type': the string is not valid text", "[0]")]
    public void Refuses_lone_surrogates_with_AbiException(string json, string expected, string path)
    {
        // From text, the whole document is checked once and the place is named.
        Assert.Contains("the JSON ABI is not valid JSON text: $" + path, Assert.Throws<AbiException>(() => ContractAbi.Parse(json)).Message, StringComparison.Ordinal);
        // A caller's own document is refused while reading, at the same place.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var error = Assert.Throws<AbiException>(() => ContractAbi.Parse(document.RootElement));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""[{"type":"function","name":"f","\ud800":1}]""", "the fragment has a member name that is not valid text", "[0]")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"bool","\ud800":1}]}]""", "the parameter has a member name that is not valid text", "[0].inputs[0]")]
    public void Refuses_member_names_holding_a_lone_surrogate_with_AbiException(string json, string expected, string path)
    {
        Assert.Contains("the JSON ABI is not valid JSON text: a property name holds a lone surrogate", Assert.Throws<AbiException>(() => ContractAbi.Parse(json)).Message, StringComparison.Ordinal);
        // A caller's own document (duplicate keys allowed, so names are not unescaped while parsing) is refused while reading.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var error = Assert.Throws<AbiException>(() => ContractAbi.Parse(document.RootElement));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("""[{"type":"function","name":"f","name":"g"}]""", "'name'", "[0]")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"bool","type":"uint8"}]}]""", "'type'", "[0].inputs[0]")]
    [InlineData("""[{"type":"function","name":"f","inputs":[{"type":"tuple","components":[{"type":"bool","name":"a","name":"b"}]}]}]""", "'name'", "[0].inputs[0].components[0]")]
    [InlineData("""{"abi":[],"abi":[{"type":"function","name":"f"}]}""", "'abi'", "")]
    public void Refuses_a_key_given_twice(string json, string key, string path)
    {
        // As text, the parser refuses the document.
        var fromText = Assert.Throws<AbiException>(() => ContractAbi.Parse(json));
        Assert.Contains($"the JSON ABI is not valid JSON: Duplicate property {key}", fromText.Message, StringComparison.Ordinal);
        // A caller's own document keeps both keys; reading it refuses the object and says where.
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var fromElement = Assert.Throws<AbiException>(() => ContractAbi.Parse(document.RootElement));
        Assert.Contains($"{key} is given twice", fromElement.Message, StringComparison.Ordinal);
        Assert.Equal(path, fromElement.Path);
    }

    [Fact]
    public void Refuses_hostile_nesting_in_components()
    {
        var json = "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[" + string.Concat(Enumerable.Repeat("{\"type\":\"tuple\",\"components\":[", 60))
            + "{\"type\":\"bool\"}" + string.Concat(Enumerable.Repeat("]}", 60)) + "]}]";
        // As text: deeper than the JSON reader allows.
        Assert.Contains("maximum configured depth of 64", Assert.Throws<AbiException>(() => ContractAbi.Parse(json)).Message, StringComparison.Ordinal);
        // From a document parsed with more room: deeper than the ABI allows.
        using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 });
        Assert.Contains("tuples nest deeper than 32 levels", Assert.Throws<AbiException>(() => ContractAbi.Parse(document.RootElement)).Message, StringComparison.Ordinal);
    }
}
