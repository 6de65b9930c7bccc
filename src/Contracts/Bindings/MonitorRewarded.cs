using Photon.Ethereum;

namespace Photon.Contracts.Bindings;

/// <summary>At settlement a monitor was paid its reward out of its delegator's share.</summary>
public sealed record MonitorRewarded(UInt256 ChannelId, Address Monitor, UInt256 Amount) : TokenNetworkEvent;
