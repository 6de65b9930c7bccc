using Photon.Ethereum;
using Photon.Protocol.Channels;

namespace Photon.Protocol.Events;

/// <summary>A channel of this node changed on chain (opened, deposit, withdraw, closed, settled): for the user's event stream.</summary>
public sealed record EventChannelChanged(Address TokenNetwork, UInt256 ChannelId, Address Partner, ChannelStatus Status, string What) : Event;
