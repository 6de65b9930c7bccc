using Photon.Ethereum;
using Photon.Protocol.Routing;

namespace Photon.Protocol.StateChanges;

/// <summary>Charge <see cref="Fees"/> for payments this node forwards out through its channel with <see cref="Partner"/>.</summary>
public sealed record ActionSetFeeSchedule(Address TokenNetwork, Address Partner, FeeSchedule Fees) : StateChange;
