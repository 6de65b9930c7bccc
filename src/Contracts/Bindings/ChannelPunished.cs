using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>The cheater unlocked a lock it had disposed of; its whole share goes to the beneficiary.</summary>
public sealed record ChannelPunished(UInt256 ChannelId, Address Beneficiary, Address Cheater) : TokenNetworkEvent;
