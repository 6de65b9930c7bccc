using System.Text.Json.Nodes;
using Photon.Contracts.Artifacts;
using Photon.Ethereum.Abi;

namespace Photon.Contracts.Tests.Artifacts;

/// <summary>Artifact JSON is read strictly: anything but the compile script's format is a typed refusal.</summary>
public sealed class ArtifactParseTests
{
    // A contract without a constructor whose runtime code is STOP.
    private const string Valid = """
        {
          "contractName": "Tiny",
          "sourceName": "contracts-sol/src/Tiny.sol",
          "compiler": { "version": "0.8.37+commit.f401782d.Emscripten.clang", "settings": {} },
          "abi": [ { "type": "function", "name": "ping", "inputs": [], "outputs": [], "stateMutability": "nonpayable" } ],
          "bytecode": "0x6001600c60003960016000f300",
          "deployedBytecode": "0x00"
        }
        """;

    [Fact]
    public void Reads_every_field_of_a_valid_artifact()
    {
        var artifact = ContractArtifact.Parse(Valid);

        Assert.Equal("Tiny", artifact.Name);
        Assert.Equal("contracts-sol/src/Tiny.sol", artifact.SourceName);
        Assert.Equal("0.8.37+commit.f401782d.Emscripten.clang", artifact.CompilerVersion);
        Assert.Equal("ping()", artifact.Abi.GetFunction("ping").Signature);
        Assert.Equal(Convert.FromHexString("6001600c60003960016000f300"), artifact.Bytecode.ToArray());
        Assert.Equal([0x00], artifact.DeployedBytecode.ToArray());
        Assert.Equal("Tiny (contracts-sol/src/Tiny.sol)", artifact.ToString());
    }

    [Fact]
    public void A_contract_without_constructor_takes_no_deployment_arguments()
    {
        var artifact = ContractArtifact.Parse(Valid);

        Assert.Equal(artifact.Bytecode.ToArray(), artifact.DeploymentData());
        var error = Assert.Throws<ArgumentException>(() => artifact.DeploymentData(1));
        Assert.Contains("Tiny has no constructor", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "not json", "not valid JSON" },
        { "[]", "expected an object" },
        { Valid.Replace("\"contractName\": \"Tiny\",", "\"contractName\": \"Tiny\", \"contractName\": \"Other\",", StringComparison.Ordinal), "not valid JSON" },
        { Without("contractName"), "'contractName' is missing" },
        { With("contractName", 7), "contractName: expected a string" },
        { With("contractName", "Not A Name"), "is not a Solidity identifier" },
        { Without("sourceName"), "artifact Tiny: 'sourceName' is missing" },
        { With("sourceName", ""), "sourceName is empty" },
        { Without("compiler"), "'compiler' is missing" },
        { With("compiler", JsonNode.Parse("{}")), "compiler: 'version' is missing" },
        { Without("abi"), "'abi' is missing" },
        { With("abi", JsonNode.Parse("{}")), "abi must be an array" },
        { With("abi", JsonNode.Parse("""[{"type":"function","name":"f","inputs":[{"type":"uint7"}]}]""")), "artifact Tiny: abi:" },
        { Without("bytecode"), "'bytecode' is missing" },
        { With("bytecode", "6001"), "bytecode: expected 0x-prefixed hex" },
        { With("bytecode", "0x60zz"), "bytecode: '0x60zz' is not hex" },
        { With("bytecode", "0x"), "bytecode is empty" },
        { With("bytecode", "0x73__$53aea86b7d70b31448b230b20ae141a537$__"), "needs library linking" },
        { With("deployedBytecode", "0x"), "deployedBytecode is empty" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Refuses_malformed_artifacts_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<ContractArtifactFormatException>(() => ContractArtifact.Parse(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void An_abi_refusal_keeps_the_abi_exception_as_its_cause()
    {
        var json = With("abi", JsonNode.Parse("""[{"type":"function","name":"f","inputs":[{"type":"uint7"}]}]"""));

        var error = Assert.Throws<ContractArtifactFormatException>(() => ContractArtifact.Parse(json));

        Assert.IsType<AbiException>(error.InnerException);
    }

    private static string Without(string property)
    {
        var node = JsonNode.Parse(Valid)!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }

    private static string With(string property, JsonNode? value)
    {
        var node = JsonNode.Parse(Valid)!.AsObject();
        node[property] = value;
        return node.ToJsonString();
    }
}
