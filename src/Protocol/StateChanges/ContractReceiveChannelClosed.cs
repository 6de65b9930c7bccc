using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>
/// ChannelClosed by <see cref="ClosingParticipant"/> with the partner's proof of <see cref="Nonce"/> and
/// <see cref="BalanceHash"/>, mined in <see cref="BlockNumber"/> (settlement at that block + settle timeout).
/// </summary>
public sealed record ContractReceiveChannelClosed(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address ClosingParticipant,
    ulong Nonce,
    Hash256 BalanceHash,
    ulong BlockNumber) : StateChange;
