using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Ethereum.Abi;

namespace Photon.Contracts.Tests.Bindings;

/// <summary>
/// The deployed contracts expose exactly what the bindings declare (and the bindings exactly
/// what the normative interfaces declare, see the interface tests): a public function added to a
/// contract without its interface, or a changed event, fails here.
/// </summary>
public sealed class ArtifactAbiTests
{
    public static TheoryData<string> Contracts => new() { "SecretRegistry", "TokenNetworkRegistry", "TokenNetwork" };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_compiled_contract_has_exactly_the_bindings_functions_events_and_errors(string name)
    {
        var binding = name switch
        {
            "SecretRegistry" => SecretRegistryContract.Abi,
            "TokenNetworkRegistry" => TokenNetworkRegistryContract.Abi,
            _ => TokenNetworkContract.Abi,
        };

        var artifact = ContractArtifacts.Get(name).Abi;

        Assert.Equal(Members(binding), Members(artifact));
    }

    private static string[] Members(ContractAbi abi) =>
    [
        .. abi.Functions.Select(f => $"function {f.Signature} {f.StateMutability} returns {Types(f.Outputs)}")
            .Concat(abi.Events.Select(e => $"event {e.Signature} indexed {string.Join(",", e.Inputs.Select(i => i.Indexed))}"))
            .Concat(abi.Errors.Select(e => $"error {e.Signature}"))
            .Order(StringComparer.Ordinal),
    ];

    private static string Types(IReadOnlyList<AbiParameter> parameters) => string.Join(",", parameters.Select(p => p.Type.ToString()));
}
