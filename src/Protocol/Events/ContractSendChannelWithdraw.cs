using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>setTotalWithdraw with both participants' signatures over the same Withdraw.</summary>
public sealed record ContractSendChannelWithdraw(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Participant,
    UInt256 TotalWithdraw,
    ulong ExpirationBlock,
    Signature ParticipantSignature,
    Signature PartnerSignature) : Event;
