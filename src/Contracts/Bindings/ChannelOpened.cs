using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>A channel between two participants was opened with its settle timeout (in blocks).</summary>
public sealed record ChannelOpened(UInt256 ChannelId, Address Participant1, Address Participant2, UInt256 SettleTimeout) : TokenNetworkEvent;
