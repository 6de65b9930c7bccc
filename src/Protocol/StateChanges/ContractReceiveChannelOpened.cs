using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelOpened: the node keeps the channel when it is one of the participants.</summary>
public sealed record ContractReceiveChannelOpened(
    Address TokenNetwork,
    UInt256 ChannelId,
    Address Participant1,
    Address Participant2,
    ulong SettleTimeout,
    ulong BlockNumber) : StateChange;
