using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelUnlocked: <see cref="Payee"/> unlocked <see cref="LockHash"/>; its payer's transferred amount on chain is now <see cref="TransferredAmount"/>.</summary>
public sealed record ContractReceiveChannelUnlocked(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Payee,
    Hash256 LockHash,
    UInt256 TransferredAmount,
    ulong BlockNumber) : StateChange;
