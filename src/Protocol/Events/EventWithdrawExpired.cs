using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>
/// A withdraw negotiated in a channel passed its expiration block without landing on chain: the amount
/// it reserved is spendable again and <see cref="Participant"/>'s total withdrawal is back to its on-chain value.
/// </summary>
public sealed record EventWithdrawExpired(Address TokenNetwork, UInt256 ChannelId, Address Participant, UInt256 TotalWithdraw, ulong ExpirationBlock) : Event;
