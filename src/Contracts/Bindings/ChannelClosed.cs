using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A participant closed the channel with the partner's balance proof of this nonce and balance hash (zero when none).</summary>
public sealed record ChannelClosed(UInt256 ChannelId, Address ClosingParticipant, UInt256 Nonce, Hash256 BalanceHash) : TokenNetworkEvent;
