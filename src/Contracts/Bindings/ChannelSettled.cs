using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>The channel was settled and paid out; its storage is gone.</summary>
public sealed record ChannelSettled(UInt256 ChannelId, UInt256 Participant1Amount, UInt256 Participant2Amount) : TokenNetworkEvent;
