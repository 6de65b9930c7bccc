using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>SecretRevealed: <see cref="Secret"/> is registered on chain since <see cref="BlockNumber"/>; locks with its hash expiring at or after that block are claimable.</summary>
public sealed record ContractReceiveSecretRevealed(Hash256 SecretHash, Hash256 Secret, ulong BlockNumber) : StateChange;
