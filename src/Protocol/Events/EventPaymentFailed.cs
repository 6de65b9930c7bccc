using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>The initiator's payment ended without paying: no route was usable or left, or its lock expired.</summary>
public sealed record EventPaymentFailed(Address TokenNetwork, UInt256 PaymentId, Address Target, UInt256 Amount, Hash256 SecretHash, string Reason) : Event;
