using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>The closing participant's balance proof was replaced by a newer one (by the partner or its monitor).</summary>
public sealed record NonClosingBalanceProofUpdated(UInt256 ChannelId, Address ClosingParticipant, UInt256 Nonce, Hash256 BalanceHash) : TokenNetworkEvent;
