using System.Collections.Immutable;
using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Protocol.Transfers;

/// <summary>
/// A payment this node started: the candidate routes, the one in use (<see cref="RouteIndex"/>) with
/// the lock it sent to that route's first hop, and whether the secret went to the target. At most one
/// lock of the payment is pending at a time, so the initiator never pays twice.
/// </summary>
public sealed record InitiatorTask(
    Address TokenNetwork,
    UInt256 PaymentId,
    Hash256 SecretHash,
    Address Target,
    UInt256 Amount,
    Hash256 Secret,
    ImmutableArray<Route> Routes,
    int RouteIndex,
    UInt256 ChannelId,
    HashTimeLock Lock,
    ulong? LockTimeout) : PaymentTask(TokenNetwork, PaymentId, SecretHash)
{
    public Route Route => Routes[RouteIndex];

    /// <summary>True once the target asked for the secret and got it: from then on the payment is not rerouted.</summary>
    public bool SecretRevealed { get; init; }

    public bool Equals(InitiatorTask? other) =>
        other is not null && base.Equals(other) && Target == other.Target && Amount == other.Amount && Secret == other.Secret
        && RouteIndex == other.RouteIndex && ChannelId == other.ChannelId && Lock == other.Lock && LockTimeout == other.LockTimeout
        && SecretRevealed == other.SecretRevealed && Routes.SequenceEqual(other.Routes);

    public override int GetHashCode() => HashCode.Combine(SecretHash, RouteIndex, ChannelId, SecretRevealed);
}
