namespace Photon.Contracts.Bindings;

/// <summary>An event of a TokenNetwork (<see cref="TokenNetworkContract.TryDecode"/>).</summary>
public abstract record TokenNetworkEvent : ContractEvent;
