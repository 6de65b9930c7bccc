using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>The initiator's payment is done: the target received its amount (the first hop revealed the secret, the lock is released).</summary>
public sealed record EventPaymentSucceeded(Address TokenNetwork, UInt256 PaymentId, Address Target, UInt256 Amount, UInt256 Fee, Hash256 SecretHash) : Event;
