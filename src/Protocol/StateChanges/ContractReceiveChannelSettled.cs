using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelSettled: the channel paid out and is gone from the contract.</summary>
public sealed record ContractReceiveChannelSettled(Address TokenNetwork, UInt256 ChannelId, UInt256 Participant1Amount, UInt256 Participant2Amount, ulong BlockNumber) : StateChange;
