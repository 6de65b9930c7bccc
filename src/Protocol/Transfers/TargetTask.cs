using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Protocol.Transfers;

/// <summary>A payment to this node: the lock its payer sent, the initiator it asks for the secret, and the amount it expects.</summary>
public sealed record TargetTask(
    Address TokenNetwork,
    UInt256 PaymentId,
    Hash256 SecretHash,
    Address Initiator,
    Address Payer,
    UInt256 ChannelId,
    HashTimeLock Lock,
    UInt256 TargetAmount) : PaymentTask(TokenNetwork, PaymentId, SecretHash)
{
    /// <summary>True once this node told the payer the secret (so that the payer unlocks).</summary>
    public bool SecretRevealedToPayer { get; init; }
}
