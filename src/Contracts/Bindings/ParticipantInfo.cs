using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>
/// What <c>getParticipantInfo</c> returns for one participant of a channel: its total deposit and
/// withdrawal, the balance hash and nonce recorded for it at close or update (zero before), and
/// whether it closed the channel.
/// </summary>
public sealed record ParticipantInfo(
    UInt256 Deposit,
    UInt256 Withdrawn,
    Hash256 BalanceHash,
    UInt256 Nonce,
    bool IsCloser);
