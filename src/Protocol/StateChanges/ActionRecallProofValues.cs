using Photon.Ethereum;

namespace Photon.Protocol.StateChanges;

/// <summary>
/// The values behind a balance proof the chain stores for <see cref="Participant"/> in a closed channel, which
/// the state no longer holds (the state keeps only each end's newest proof): the shell found them in the
/// node's history (the message that carried that proof) after <see cref="Events.EventProofValuesUnknown"/>.
/// Accepted only when they hash to the stored balance hash and nothing was unlocked against it since.
/// </summary>
public sealed record ActionRecallProofValues(Address TokenNetwork, UInt256 ChannelId, Address Participant, ulong Nonce, UInt256 TransferredAmount, Hash256 Locksroot) : StateChange;
