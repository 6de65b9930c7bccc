namespace Photon.Contracts.Bindings;

/// <summary>An event of the SecretRegistry (<see cref="SecretRegistryContract.TryDecode"/>).</summary>
public abstract record SecretRegistryEvent : ContractEvent;
