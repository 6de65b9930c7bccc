using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>A lock expired in channel <see cref="ChannelId"/>: its amount is back with <see cref="Payer"/>.</summary>
public sealed record EventLockExpired(Address TokenNetwork, UInt256 ChannelId, Address Payer, Hash256 SecretHash, UInt256 Amount) : Event;
