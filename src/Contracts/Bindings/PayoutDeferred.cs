using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>The token refused a payout; the amount is kept for the recipient to claim (<see cref="TokenNetworkContract.ClaimPayoutAsync"/>).</summary>
public sealed record PayoutDeferred(Address Recipient, UInt256 Amount) : TokenNetworkEvent;
