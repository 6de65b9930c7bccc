using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>NonClosingBalanceProofUpdated: the closer's proof on chain is now the one of <see cref="Nonce"/>.</summary>
public sealed record ContractReceiveNonClosingBalanceProofUpdated(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address ClosingParticipant,
    ulong Nonce,
    Hash256 BalanceHash,
    ulong BlockNumber) : StateChange;
