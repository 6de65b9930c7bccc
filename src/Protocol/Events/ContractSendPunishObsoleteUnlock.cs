using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>punishObsoleteUnlock: <see cref="Cheater"/> unlocked on chain a lock it had signed as disposed.</summary>
public sealed record ContractSendPunishObsoleteUnlock(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Beneficiary,
    Address Cheater,
    Hash256 LockHash,
    Hash256 AdditionalHash,
    Signature CheaterSignature) : Event;
