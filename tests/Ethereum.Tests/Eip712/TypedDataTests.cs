using System.Text.Json;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Ethereum.Tests.Eip712;

public class TypedDataTests
{
    // The example of EIP-712 itself, with its published results.
    internal const string MailExample = """
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" },
              { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" },
              { "name": "verifyingContract", "type": "address" }
            ],
            "Person": [ { "name": "name", "type": "string" }, { "name": "wallet", "type": "address" } ],
            "Mail": [
              { "name": "from", "type": "Person" },
              { "name": "to", "type": "Person" },
              { "name": "contents", "type": "string" }
            ]
          },
          "primaryType": "Mail",
          "domain": { "name": "Ether Mail", "version": "1", "chainId": 1, "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    [Fact]
    public void Reproduces_the_EIP712_mail_example()
    {
        var data = TypedData.Parse(MailExample);
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", data.Types.EncodeType("Mail"));
        Assert.Equal("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", data.DomainSeparator().ToString());
        Assert.Equal("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", data.Types.HashStruct("Mail", data.Message).ToString());
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", data.Hash().ToString());

        using var cow = new PrivateKey(Keccak256.Hash("cow").ToArray());
        Assert.Equal(Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), cow.Address);
        var signature = cow.Sign(data.Hash());
        Assert.Equal(28, signature.V);
        Assert.Equal(UInt256.Parse("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"), signature.R);
        Assert.Equal(UInt256.Parse("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"), signature.S);
    }

    [Fact]
    public void Infers_the_domain_type_from_the_members_present()
    {
        using var document = JsonDocument.Parse(MailExample);
        var withoutDomainType = MailExample.Replace("\"EIP712Domain\": [", "\"Unused\": [", StringComparison.Ordinal);
        // Same members in the standard order: the inferred type gives the same separator.
        Assert.Equal(TypedData.Parse(MailExample).DomainSeparator(), TypedData.Parse(withoutDomainType).DomainSeparator());
    }

    [Fact]
    public void The_Photon_domain_record_matches_the_generic_encoder()
    {
        var contract = Address.Parse("0x00000000000000000000000000000000000000c0");
        var domain = new Eip712Domain("Photon", "1", 31337, contract);
        var json = $$$"""{"types":{},"primaryType":"EIP712Domain","domain":{"name":"Photon","version":"1","chainId":31337,"verifyingContract":"{{{contract}}}"},"message":{}}""";
        Assert.Equal(TypedData.Parse(json).DomainSeparator(), domain.Separator);
    }

    [Fact]
    public void Recursive_types_encode_once_and_hash_finite_values_by_the_standard_formula()
    {
        var json = """
            {"types":{"Node":[{"name":"value","type":"uint8"},{"name":"children","type":"Node[]"}]},
             "primaryType":"Node","domain":{"chainId":"0x1"},
             "message":{"value":1,"children":[{"value":2,"children":[]}]}}
            """;
        var data = TypedData.Parse(json);
        Assert.Equal("Node(uint8 value,Node[] children)", data.Types.EncodeType("Node"));

        // ethers refuses recursive types, so the expected value is built here from the standard's
        // formula: hashStruct(s) = keccak(typeHash ‖ value word ‖ keccak(concat of child hashes)).
        var typeHash = Keccak256.Hash("Node(uint8 value,Node[] children)");
        var leaf = new Eip712StructHash(typeHash).Add(new UInt256(2)).Add(Keccak256.Hash([])).Finish();
        var root = new Eip712StructHash(typeHash).Add(new UInt256(1)).Add(Keccak256.Hash(leaf.ToArray())).Finish();
        Assert.Equal(root, data.Types.HashStruct("Node", data.Message));
    }

    [Fact]
    public void A_long_chain_of_struct_types_encodes_without_deep_recursion()
    {
        const int count = 1000;
        var types = string.Join(",", Enumerable.Range(0, count).Select(i => i + 1 < count
            ? $"\"T{i}\":[{{\"name\":\"next\",\"type\":\"T{i + 1}[]\"}}]"
            : $"\"T{i}\":[{{\"name\":\"v\",\"type\":\"bool\"}}]"));
        var data = TypedData.Parse("{\"types\":{" + types + "},\"primaryType\":\"T0\",\"domain\":{},\"message\":{\"next\":[]}}");
        Assert.StartsWith("T0(T1[] next)T1(T2[] next)T10(", data.Types.EncodeType("T0"), StringComparison.Ordinal);
        Assert.NotEqual(Hash256.Zero, data.Hash());
    }

    [Fact]
    public void Refuses_more_struct_types_than_the_limit()
    {
        var types = string.Join(",", Enumerable.Range(0, TypedDataTypes.MaxTypes + 1).Select(i => $"\"T{i}\":[]"));
        AssertRefused("{\"types\":{" + types + "},\"primaryType\":\"T0\",\"domain\":{},\"message\":{}}", "at most 1024");
    }

    [Theory]
    [InlineData(33, "array dimensions")]
    [InlineData(20000, "longer than 256")]
    public void Refuses_member_types_with_hostile_array_suffixes_quickly(int dimensions, string reason) =>
        AssertRefused(
            "{\"types\":{\"A\":[{\"name\":\"x\",\"type\":\"uint8" + string.Concat(Enumerable.Repeat("[]", dimensions)) + "\"}]},\"primaryType\":\"A\",\"domain\":{},\"message\":{\"x\":[]}}",
            reason);

    [Theory]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8"}]},"primaryType":"A","primaryType":"EIP712Domain","domain":{},"message":{"x":1}}""")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8"}]},"primaryType":"A","domain":{},"message":{"x":1,"x":2}}""")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8"}],"A":[{"name":"y","type":"uint8"}]},"primaryType":"A","domain":{},"message":{"x":1}}""")]
    public void Refuses_duplicate_keys_anywhere(string json) => AssertRefused(json, "Duplicate");

    [Theory]
    [InlineData("""{"types":{"A":[{"name":"x","type":"string"}]},"primaryType":"A","domain":{},"message":{"x":"\ud800"}}""")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"string"}]},"primaryType":"A","domain":{"name":"\udc00"},"message":{"x":""}}""")]
    [InlineData("""{"types":{"A\ud800":[]},"primaryType":"A","domain":{},"message":{}}""")]
    public void Refuses_strings_that_are_not_valid_text(string json) => AssertRefused(json, "surrogate");

    [Fact]
    public void Refuses_more_members_in_all_than_the_limit()
    {
        // 64 types of 65 members each: under the per-document type cap, over the total member cap.
        var members = string.Join(",", Enumerable.Range(0, 65).Select(i => $"{{\"name\":\"m{i}\",\"type\":\"bool\"}}"));
        var types = string.Join(",", Enumerable.Range(0, 64).Select(i => $"\"T{i}\":[{members}]"));
        AssertRefused("{\"types\":{" + types + "},\"primaryType\":\"T0\",\"domain\":{},\"message\":{}}", "at most 4096 are accepted");
    }

    [Fact]
    public void A_document_with_the_most_types_allowed_still_infers_its_domain()
    {
        var types = string.Join(",", Enumerable.Range(0, TypedDataTypes.MaxTypes).Select(i => $"\"T{i}\":[]"));
        var data = TypedData.Parse("{\"types\":{" + types + "},\"primaryType\":\"T0\",\"domain\":{\"name\":\"x\"},\"message\":{}}");
        Assert.Equal(new Eip712StructHash(Keccak256.Hash("EIP712Domain(string name)")).AddString("x").Finish(), data.DomainSeparator());
    }

    [Fact]
    public void Refuses_a_lone_surrogate_in_the_text_itself_not_only_in_an_escape() =>
        AssertRefused("{\"types\":{},\"primaryType\":\"A\uD800\",\"domain\":{},\"message\":{}}", "lone surrogate");

    [Fact]
    public void Elements_parsed_elsewhere_with_bad_text_or_repeated_keys_are_refused()
    {
        var types = TypedDataTypes.Parse(JsonDocument.Parse("""{"A":[{"name":"x","type":"bool"}]}""").RootElement);
        using var domain = JsonDocument.Parse("""{"\ud800":1}""");
        Assert.Throws<TypedDataException>(() => types.HashDomain(domain.RootElement));
        using var repeated = JsonDocument.Parse("""{"A":[{"name":"x","type":"bool","type":"uint8"}]}""");
        Assert.Contains("one string type", Assert.Throws<TypedDataException>(() => TypedDataTypes.Parse(repeated.RootElement)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_values_nested_beyond_the_depth_limit_even_in_elements_parsed_elsewhere()
    {
        var types = TypedDataTypes.Parse(JsonDocument.Parse("""{"Node":[{"name":"children","type":"Node[]"}]}""").RootElement);
        var deep = string.Concat(Enumerable.Repeat("{\"children\":[", 100)) + string.Concat(Enumerable.Repeat("]}", 100));
        using var document = JsonDocument.Parse(deep, new JsonDocumentOptions { MaxDepth = 1000 });
        var e = Assert.Throws<TypedDataException>(() => types.HashStruct("Node", document.RootElement));
        Assert.Contains("nested deeper than 64", e.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(string json, string reason)
    {
        var e = Assert.Throws<TypedDataException>(() => TypedData.Parse(json).Hash());
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"types":{"A":[{"name":"x","type":"Missing"}]},"primaryType":"A","domain":{},"message":{"x":1}}""", "neither a defined struct")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint256"}]},"primaryType":"B","domain":{},"message":{"x":1}}""", "not defined")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint256"}]},"primaryType":"A","domain":{},"message":{}}""", "missing")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint256"}]},"primaryType":"A","domain":{},"message":{"x":1,"y":2}}""", "not a member")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8"}]},"primaryType":"A","domain":{},"message":{"x":256}}""", "uint8")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint256"}]},"primaryType":"A","domain":{},"message":{"x":-1}}""", "negative")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"bytes4"}]},"primaryType":"A","domain":{},"message":{"x":"0x0102"}}""", "4 bytes")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8[2]"}]},"primaryType":"A","domain":{},"message":{"x":[1]}}""", "exactly 2")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8"}]},"primaryType":"A","domain":{"chain":1},"message":{"x":1}}""", "unknown domain member")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"uint8"},{"name":"x","type":"bool"}]},"primaryType":"A","domain":{},"message":{"x":1}}""", "twice")]
    [InlineData("""{"types":{"uint256":[]},"primaryType":"uint256","domain":{},"message":{}}""", "elementary")]
    [InlineData("""{"types":{"A":[{"name":"x","type":"(uint8,bool)"}]},"primaryType":"A","domain":{},"message":{"x":[1,true]}}""", "neither")]
    [InlineData("""{"types":{"A":[]},"primaryType":"A","domain":{},"message":{},"extra":1}""", "unexpected")]
    [InlineData("""not json""", "JSON")]
    public void Refuses_malformed_typed_data_with_a_clear_reason(string json, string reason)
    {
        var e = Assert.Throws<TypedDataException>(() => TypedData.Parse(json).Hash());
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_documents_nested_beyond_the_depth_limit()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"value\":1,\"children\":[", 100)) + string.Concat(Enumerable.Repeat("]}", 100));
        var json = """{"types":{"Node":[{"name":"value","type":"uint8"},{"name":"children","type":"Node[]"}]},"primaryType":"Node","domain":{},"message":""" + deep + "}";
        AssertRefused(json, "depth");
    }
}
