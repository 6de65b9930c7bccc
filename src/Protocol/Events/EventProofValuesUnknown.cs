using Photon.Ethereum;

namespace Photon.Protocol.Events;

/// <summary>
/// A closed channel cannot be settled by this node: the chain stores a proof of <see cref="Participant"/>
/// (of <see cref="Nonce"/>, hashing to <see cref="BalanceHash"/>) whose values the state no longer holds. The
/// shell answers with <see cref="StateChanges.ActionRecallProofValues"/> when its history has that proof.
/// </summary>
public sealed record EventProofValuesUnknown(Address TokenNetwork, UInt256 ChannelId, Address Participant, ulong Nonce, Hash256 BalanceHash) : Event;
