using Photon.Contracts.Artifacts;
using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Deployment;

/// <summary>
/// Deploys the contracts from the embedded artifacts with one account: the SecretRegistry, the
/// TokenNetworkRegistry on top of it, and a TokenNetwork per token through the registry.
/// </summary>
public static class PhotonDeployer
{
    /// <exception cref="ContractDeploymentException">A creation was mined without a contract address.</exception>
    public static async Task<PhotonDeployment> DeployAsync(TransactionSender sender, DeploymentParameters parameters, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (parameters.ChainId != sender.ChainId)
            throw new ArgumentException($"the parameters are for chain {parameters.ChainId} but the sender signs for chain {sender.ChainId}", nameof(parameters));
        var (secretRegistry, _) = await DeployAsync(sender, ContractArtifacts.SecretRegistry, [], ct).ConfigureAwait(false);
        var (registry, block) = await DeployAsync(
            sender,
            ContractArtifacts.TokenNetworkRegistry,
            parameters.ConstructorArguments(secretRegistry),
            ct).ConfigureAwait(false);
        return new PhotonDeployment(parameters, secretRegistry, registry, block);
    }

    /// <summary>Creates the TokenNetwork of <paramref name="token"/> and returns its address.</summary>
    /// <exception cref="ContractErrorException">The registry refused: <c>TokenNetworkExists</c>, <c>NotAContract</c>.</exception>
    public static async Task<Address> CreateTokenNetworkAsync(TransactionSender sender, Address registry, Address token, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var binding = new TokenNetworkRegistryContract(sender.Eth, registry, sender);
        var receipt = await binding.CreateTokenNetworkAsync(token, ct).ConfigureAwait(false);
        return TokenNetworkRegistryContract.EventsOf(receipt, registry).OfType<TokenNetworkCreated>().Single().TokenNetwork;
    }

    /// <summary>Deploys any artifact (a test token, for instance) and returns its address and block.</summary>
    public static async Task<(Address Address, ulong Block)> DeployAsync(
        TransactionSender sender,
        ContractArtifact artifact,
        object?[] constructorArguments,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(artifact);
        var receipt = await sender.SendAsync(null, artifact.DeploymentData(constructorArguments), ct: ct).ConfigureAwait(false);
        var address = receipt.ContractAddress
            ?? throw new ContractDeploymentException($"the creation of {artifact.Name} in transaction {receipt.TransactionHash} was mined without a contract address");
        return (address, receipt.BlockNumber);
    }
}
