using Photon.Ethereum;

namespace Photon.Protocol.Routing;

/// <summary>
/// What a mediator charges to forward a payment out through one of its channels: a flat fee plus a
/// proportional part in millionths of the payment's target amount (docs/protocol.md). Computing the
/// proportional part on the target amount, which every hop sees unchanged in the MediatedTransfer,
/// lets each mediator check its own fee without knowing the other hops' schedules.
/// </summary>
public sealed record FeeSchedule(UInt256 Flat, ulong ProportionalMillionths)
{
    public const ulong Million = 1_000_000;

    /// <summary>No fee: the default for a channel whose owner set none.</summary>
    public static readonly FeeSchedule Free = new(UInt256.Zero, 0);

    /// <summary>Flat + ⌊target amount × proportional / 10^6⌋, or null when it does not fit in a uint256.</summary>
    public UInt256? FeeFor(UInt256 targetAmount)
    {
        var proportional = targetAmount.ToBigInteger() * ProportionalMillionths / Million;
        var fee = Flat.ToBigInteger() + proportional;
        return fee > UInt256.MaxValue.ToBigInteger() ? null : UInt256.FromBigInteger(fee);
    }
}
