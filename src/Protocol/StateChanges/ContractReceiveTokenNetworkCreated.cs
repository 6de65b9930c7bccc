using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>The registry created the TokenNetwork <see cref="TokenNetwork"/> for <see cref="Token"/>.</summary>
public sealed record ContractReceiveTokenNetworkCreated(Address Token, Address TokenNetwork, ulong BlockNumber) : StateChange;
