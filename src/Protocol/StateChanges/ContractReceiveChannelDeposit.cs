using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelNewDeposit: <see cref="Participant"/>'s total deposit is now <see cref="TotalDeposit"/>.</summary>
public sealed record ContractReceiveChannelDeposit(Address TokenNetwork, UInt256 ChannelId, Address Participant, UInt256 TotalDeposit, ulong BlockNumber) : StateChange;
