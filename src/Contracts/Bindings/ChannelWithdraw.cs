using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A participant's total withdrawal rose to <paramref name="TotalWithdraw"/> (a total, not the increase).</summary>
public sealed record ChannelWithdraw(UInt256 ChannelId, Address Participant, UInt256 TotalWithdraw) : TokenNetworkEvent;
