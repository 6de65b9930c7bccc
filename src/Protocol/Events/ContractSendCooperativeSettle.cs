using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>cooperativeSettle with both participants' signatures over the same CooperativeSettle.</summary>
public sealed record ContractSendCooperativeSettle(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Participant1,
    UInt256 Balance1,
    Address Participant2,
    UInt256 Balance2,
    Signature Signature1,
    Signature Signature2) : Event;
