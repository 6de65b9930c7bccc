using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A lock was unlocked on chain for the payee; the payer's transferred amount is now <paramref name="TransferredAmount"/>.</summary>
public sealed record ChannelUnlocked(UInt256 ChannelId, Address Payee, Hash256 LockHash, UInt256 TransferredAmount) : TokenNetworkEvent;
