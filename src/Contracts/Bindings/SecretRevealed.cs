using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A secret became public on chain: <c>SecretHash = sha256(Secret)</c>, registered at <see cref="ContractEvent.BlockNumber"/>.</summary>
public sealed record SecretRevealed(Hash256 SecretHash, Hash256 Secret) : SecretRegistryEvent;
