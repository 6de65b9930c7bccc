using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Protocol.Transfers;

/// <summary>
/// One lock a mediator received and the lock it forwarded for it (null when it could not forward and
/// disposed the received one instead). Whether each lock is still pending is read from the channels,
/// never copied here, so the pair cannot disagree with them.
/// </summary>
public sealed record MediationPair(
    Address Payer,
    UInt256 PayerChannelId,
    HashTimeLock PayerLock,
    Address? Payee,
    UInt256 PayeeChannelId,
    HashTimeLock? PayeeLock)
{
    /// <summary>True once this node told the payer the secret (so that the payer unlocks).</summary>
    public bool SecretRevealedToPayer { get; init; }
}
