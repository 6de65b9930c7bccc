using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelCooperativeSettled: both participants' signatures settled the channel at once.</summary>
public sealed record ContractReceiveChannelCooperativeSettled(Address TokenNetwork, UInt256 ChannelId, UInt256 Participant1Amount, UInt256 Participant2Amount, ulong BlockNumber) : StateChange;
