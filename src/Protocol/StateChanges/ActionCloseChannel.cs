using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>Close the channel with <see cref="Partner"/> on chain with the partner's latest balance proof.</summary>
public sealed record ActionCloseChannel(Address TokenNetwork, Address Partner) : StateChange;
