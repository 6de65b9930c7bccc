using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>ChannelPunished: <see cref="Beneficiary"/> receives <see cref="Cheater"/>'s whole share at settlement.</summary>
public sealed record ContractReceiveChannelPunished(Address TokenNetwork, UInt256 ChannelId, Address Beneficiary, Address Cheater, ulong BlockNumber) : StateChange;
