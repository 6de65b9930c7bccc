using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>This node received <see cref="Amount"/> from <see cref="Initiator"/> (directly, or as target of a mediated payment).</summary>
public sealed record EventPaymentReceived(Address TokenNetwork, UInt256 PaymentId, Address Initiator, UInt256 Amount) : Event;
