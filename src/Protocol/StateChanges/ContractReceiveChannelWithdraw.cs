using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelWithdraw: <see cref="Participant"/>'s total withdrawal is now <see cref="TotalWithdraw"/>.</summary>
public sealed record ContractReceiveChannelWithdraw(Address TokenNetwork, UInt256 ChannelId, Address Participant, UInt256 TotalWithdraw, ulong BlockNumber) : StateChange;
