using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>The registry made the TokenNetwork of a token (one per token, for good).</summary>
public sealed record TokenNetworkCreated(Address Token, Address TokenNetwork) : TokenNetworkRegistryEvent;
