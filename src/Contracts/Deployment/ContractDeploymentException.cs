namespace Photon.Contracts.Deployment;

/// <summary>A contract creation that was mined but produced no contract.</summary>
public sealed class ContractDeploymentException(string message) : Exception(message);
