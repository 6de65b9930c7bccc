using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>Pay <see cref="Amount"/> to the channel partner <see cref="Partner"/> with a DirectTransfer (no lock, no route).</summary>
public sealed record ActionDirectTransfer(Address TokenNetwork, Address Partner, UInt256 Amount, UInt256 PaymentId) : StateChange;
