using Photon.Ethereum;

namespace Photon.Contracts.Deployment;

/// <summary>
/// Where a deployment lives: what a node, a monitor or a pathfinder needs to find the contracts.
/// <see cref="DeployedAtBlock"/> is the block of the registry's creation, where event scans start.
/// </summary>
public sealed record PhotonDeployment(
    DeploymentParameters Parameters,
    Address SecretRegistry,
    Address TokenNetworkRegistry,
    ulong DeployedAtBlock);
