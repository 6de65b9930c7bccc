using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>A direct transfer was sent: its balance proof is signed and on its way to the partner.</summary>
public sealed record EventPaymentSent(Address TokenNetwork, UInt256 PaymentId, Address Target, UInt256 Amount) : Event;
