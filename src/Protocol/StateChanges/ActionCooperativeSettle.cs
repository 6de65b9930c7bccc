using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>Settle the channel with <see cref="Partner"/> at once, with the partner's signature, without closing it first.</summary>
public sealed record ActionCooperativeSettle(Address TokenNetwork, Address Partner) : StateChange;
