using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>
/// closeChannel with the partner's latest balance proof; all zero (<see cref="PartnerSignature"/> null)
/// when the partner never sent one.
/// </summary>
public sealed record ContractSendChannelClose(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Partner,
    Hash256 BalanceHash,
    ulong Nonce,
    Hash256 AdditionalHash,
    Signature? PartnerSignature) : Event;
