using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>settleChannel with the values matching both stored balance hashes.</summary>
public sealed record ContractSendChannelSettle(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Participant1,
    UInt256 TransferredAmount1,
    Hash256 Locksroot1,
    Address Participant2,
    UInt256 TransferredAmount2,
    Hash256 Locksroot2) : Event;
