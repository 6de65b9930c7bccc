using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Protocol.StateChanges;

/// <summary>
/// Pay <see cref="Amount"/> to <see cref="Target"/> with hash-time locks along one of <see cref="Routes"/>,
/// tried in order (the next after each disposal). <see cref="Secret"/> is chosen by the caller (random, at
/// the edge); <see cref="LockTimeout"/> overrides the lock's lifetime in blocks.
/// </summary>
public sealed record ActionInitPayment(
    Address TokenNetwork,
    UInt256 PaymentId,
    Address Target,
    UInt256 Amount,
    Hash256 Secret,
    ImmutableArray<Route> Routes,
    ulong? LockTimeout = null) : StateChange
{
    public bool Equals(ActionInitPayment? other) =>
        other is not null && TokenNetwork == other.TokenNetwork && PaymentId == other.PaymentId && Target == other.Target
        && Amount == other.Amount && Secret == other.Secret && LockTimeout == other.LockTimeout && Routes.SequenceEqual(other.Routes);

    public override int GetHashCode() => HashCode.Combine(TokenNetwork, PaymentId, Target, Amount);
}
