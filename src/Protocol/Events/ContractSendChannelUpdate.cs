using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>updateNonClosingBalanceProof with the closer's latest balance proof, newer than the one it closed with.</summary>
public sealed record ContractSendChannelUpdate(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address ClosingParticipant,
    Hash256 BalanceHash,
    ulong Nonce,
    Hash256 AdditionalHash,
    Signature ClosingSignature) : Event;
