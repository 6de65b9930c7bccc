using System.Collections.Immutable;
using Photon.Ethereum;

namespace Photon.Protocol.Transfers;

/// <summary>
/// A payment this node forwards. A reroute by the initiator can bring the same payment (same secret
/// hash) through this node again, so a task holds one <see cref="MediationPair"/> per lock received.
/// </summary>
public sealed record MediatorTask(Address TokenNetwork, UInt256 PaymentId, Hash256 SecretHash, ImmutableList<MediationPair> Pairs)
    : PaymentTask(TokenNetwork, PaymentId, SecretHash)
{
    public bool Equals(MediatorTask? other) => other is not null && base.Equals(other) && Pairs.SequenceEqual(other.Pairs);

    public override int GetHashCode() => HashCode.Combine(SecretHash, Pairs.Count);
}
