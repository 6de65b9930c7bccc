using System.Text.Json.Nodes;
using Photon.Contracts.Artifacts;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.TestSupport;

namespace Photon.Contracts.Tests.Artifacts;

/// <summary>What Photon.Contracts carries is exactly contracts-sol/artifacts, and it loads.</summary>
public sealed class EmbeddedArtifactTests
{
    private static readonly string ArtifactsDirectory = Path.Combine(RepoPaths.Root, "contracts-sol", "artifacts");

    private static readonly string[] TokenNames =
        ["ApproveAndCallToken", "Erc223Token", "FalseReturningToken", "FeeOnTransferToken", "NoReturnToken", "ReentrantToken", "TestToken"];

    public static TheoryData<string> ArtifactFiles() => [.. FileNames()];

    [Fact]
    public void Every_artifact_file_is_embedded_and_nothing_else_is()
    {
        Assert.Equal(FileNames(), ContractArtifacts.Names);
        Assert.Subset(ContractArtifacts.Names.ToHashSet(), TokenNames.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ArtifactFiles))]
    public void Every_embedded_artifact_equals_its_file(string name)
    {
        using var resource = typeof(ContractArtifacts).Assembly.GetManifestResourceStream($"Photon.Contracts.Artifacts.{name}.json");
        Assert.NotNull(resource);
        using var embedded = new MemoryStream();
        resource.CopyTo(embedded);

        Assert.Equal(File.ReadAllBytes(Path.Combine(ArtifactsDirectory, name + ".json")), embedded.ToArray());
    }

    [Theory]
    [MemberData(nameof(ArtifactFiles))]
    public void Every_artifact_has_an_abi_and_0x_bytecode_that_it_loads_as(string name)
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(ArtifactsDirectory, name + ".json")))!;

        var artifact = ContractArtifacts.Get(name);

        Assert.Equal(name, artifact.Name);
        Assert.Equal((string?)file["sourceName"], artifact.SourceName);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, artifact.SourceName)), $"{artifact.SourceName} does not exist");
        Assert.StartsWith("0.8.37+", artifact.CompilerVersion, StringComparison.Ordinal);
        Assert.NotEmpty(artifact.Abi.Functions);
        Assert.StartsWith("0x", (string?)file["bytecode"], StringComparison.Ordinal);
        Assert.StartsWith("0x", (string?)file["deployedBytecode"], StringComparison.Ordinal);
        Assert.Equal((string?)file["bytecode"], Hex.Encode(artifact.Bytecode.Span));
        Assert.Equal((string?)file["deployedBytecode"], Hex.Encode(artifact.DeployedBytecode.Span));
        Assert.False(artifact.Bytecode.IsEmpty);
        Assert.False(artifact.DeployedBytecode.IsEmpty);
        Assert.Equal(ContractAbi.Parse(file["abi"]!.ToJsonString()).ToJson(), artifact.Abi.ToJson());
    }

    [Fact]
    public void Artifacts_are_built_with_the_fixed_compiler_settings()
    {
        foreach (var name in ContractArtifacts.Names)
        {
            var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(ArtifactsDirectory, name + ".json")))!["compiler"]!["settings"]!;

            Assert.True(JsonNode.DeepEquals(
                JsonNode.Parse("""{"optimizer":{"enabled":true,"runs":10000},"evmVersion":"cancun","viaIR":true,"metadata":{"bytecodeHash":"none"}}"""),
                settings), $"{name}: {settings.ToJsonString()}");
        }
    }

    [Fact]
    public void Unknown_names_give_an_error_listing_the_known_names()
    {
        var error = Assert.Throws<ContractArtifactNotFoundException>(() => ContractArtifacts.Get("NoSuchContract"));

        Assert.Equal("NoSuchContract", error.Name);
        Assert.Equal(ContractArtifacts.Names, error.KnownNames);
        Assert.Contains("'NoSuchContract'", error.Message, StringComparison.Ordinal);
        foreach (var name in ContractArtifacts.Names)
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("node contracts-sol/compile.cjs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        var error = Assert.Throws<ContractArtifactNotFoundException>(() => ContractArtifacts.Get("testtoken"));

        Assert.Contains("TestToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_properties_load_their_artifact_or_say_it_is_not_compiled_yet()
    {
        var properties = new (string Name, Func<ContractArtifact> Get)[]
        {
            ("SecretRegistry", () => ContractArtifacts.SecretRegistry),
            ("TokenNetworkRegistry", () => ContractArtifacts.TokenNetworkRegistry),
            ("TokenNetwork", () => ContractArtifacts.TokenNetwork),
            ("TestToken", () => ContractArtifacts.TestToken),
            ("Erc223Token", () => ContractArtifacts.Erc223Token),
            ("ApproveAndCallToken", () => ContractArtifacts.ApproveAndCallToken),
            ("ReentrantToken", () => ContractArtifacts.ReentrantToken),
            ("FalseReturningToken", () => ContractArtifacts.FalseReturningToken),
            ("FeeOnTransferToken", () => ContractArtifacts.FeeOnTransferToken),
            ("NoReturnToken", () => ContractArtifacts.NoReturnToken),
        };

        foreach (var (name, get) in properties)
        {
            if (File.Exists(Path.Combine(ArtifactsDirectory, name + ".json")))
            {
                Assert.Equal(name, get().Name);
            }
            else
            {
                var error = Assert.Throws<ContractArtifactNotFoundException>(get);
                Assert.Equal(name, error.Name);
            }
        }
    }

    [Fact]
    public void Artifacts_are_loaded_once_and_cached()
    {
        Assert.Same(ContractArtifacts.Get("TestToken"), ContractArtifacts.Get("TestToken"));
        Assert.Same(ContractArtifacts.TestToken, ContractArtifacts.Get("TestToken"));
    }

    [Fact]
    public void Deployment_data_is_the_bytecode_followed_by_the_encoded_constructor_arguments()
    {
        var artifact = ContractArtifacts.TestToken;

        var data = artifact.DeploymentData("Photon Dollar", "PUSD");

        byte[] expected = [.. artifact.Bytecode.Span, .. AbiCodec.Encode([AbiType.String, AbiType.String], ["Photon Dollar", "PUSD"])];
        Assert.Equal(expected, data);
    }

    [Fact]
    public void Deployment_data_of_a_contract_without_constructor_arguments_is_a_copy_of_its_bytecode()
    {
        var artifact = ContractArtifacts.Erc223Token;

        var data = artifact.DeploymentData();
        data[0] ^= 0xff;

        Assert.Equal(artifact.Bytecode.Length, data.Length);
        Assert.NotEqual(data[0], artifact.Bytecode.Span[0]);
        Assert.Equal(artifact.Bytecode.ToArray(), artifact.DeploymentData());
    }

    [Fact]
    public void Deployment_data_refuses_arguments_that_do_not_fit_the_constructor()
    {
        Assert.Throws<AbiException>(() => ContractArtifacts.TestToken.DeploymentData("only a name"));
        Assert.Throws<AbiException>(() => ContractArtifacts.TestToken.DeploymentData(1, 2));
        Assert.Throws<AbiException>(() => ContractArtifacts.NoReturnToken.DeploymentData("unexpected"));
    }

    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(ArtifactsDirectory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);
}
