using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A deferred payout reached its recipient.</summary>
public sealed record PayoutClaimed(Address Recipient, UInt256 Amount) : TokenNetworkEvent;
