using System.Collections.Immutable;
using Photon.Ethereum;
using Photon.Protocol.Messages;
using Photon.Protocol.Wire;
using HashTimeLock = Photon.Contracts.Locks.HashTimeLock;

namespace Photon.Protocol.Transfers;

/// <summary>The fields of a received MediatedTransfer, read strictly (the proof is read separately).</summary>
internal sealed record ReceivedTransfer(
    UInt256 PaymentId,
    Address Initiator,
    Address Target,
    UInt256 TargetAmount,
    UInt256 Fee,
    HashTimeLock Lock,
    ImmutableArray<Address> Route)
{
    /// <exception cref="InvalidMessageException">A malformed field, or a lock amount other than target amount + fee.</exception>
    public static ReceivedTransfer Read(MediatedTransfer transfer)
    {
        var route = ImmutableArray.CreateBuilder<Address>(transfer.Route.Count);
        for (var i = 0; i < transfer.Route.Count; i++)
            route.Add(WireValues.ReadAddress(transfer.Route[i], $"route[{i}]"));
        var received = new ReceivedTransfer(
            WireValues.ReadUInt256(transfer.PaymentId, "payment_id"),
            WireValues.ReadAddress(transfer.Initiator, "initiator"),
            WireValues.ReadAddress(transfer.Target, "target"),
            WireValues.ReadUInt256(transfer.TargetAmount, "target_amount"),
            WireValues.ReadUInt256(transfer.Fee, "fee"),
            LockMessages.FromWire(transfer.Lock, "lock"),
            route.MoveToImmutable());
        var sum = received.TargetAmount.ToBigInteger() + received.Fee.ToBigInteger();
        if (sum != received.Lock.Amount.ToBigInteger())
            throw new InvalidMessageException($"lock.amount {received.Lock.Amount} is not target_amount {received.TargetAmount} + fee {received.Fee}");
        if (received.Route.Length > 0 && received.Route[^1] != received.Target)
            throw new InvalidMessageException("the route does not end with the target");
        return received;
    }
}
