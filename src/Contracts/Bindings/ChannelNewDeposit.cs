using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A participant's total deposit rose to <paramref name="TotalDeposit"/> (a total, not the increase).</summary>
public sealed record ChannelNewDeposit(UInt256 ChannelId, Address Participant, UInt256 TotalDeposit) : TokenNetworkEvent;
