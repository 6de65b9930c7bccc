using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>Both participants settled the open channel together; it was paid out at once and its storage is gone.</summary>
public sealed record ChannelCooperativeSettled(UInt256 ChannelId, UInt256 Participant1Amount, UInt256 Participant2Amount) : TokenNetworkEvent;
