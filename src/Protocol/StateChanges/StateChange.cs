namespace Photon.Protocol.StateChanges;

/// <summary>
/// An input of the state machine (DESIGN.md §6): <c>Action*</c> from the user, <c>Receive*</c> from a
/// peer, <c>ContractReceive*</c> from the chain, and <see cref="Block"/>. Sealed records, so a recorded
/// sequence can be stored, compared and replayed.
/// </summary>
public abstract record StateChange;
