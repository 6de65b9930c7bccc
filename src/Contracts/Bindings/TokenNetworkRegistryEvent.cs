namespace Photon.Contracts.Bindings;

/// <summary>An event of the TokenNetworkRegistry (<see cref="TokenNetworkRegistryContract.TryDecode"/>).</summary>
public abstract record TokenNetworkRegistryEvent : ContractEvent;
