namespace Photon.Protocol.Events;

/// <summary>
/// An output of the state machine (DESIGN.md §6): <see cref="SendMessage"/> to a peer, <c>ContractSend*</c>
/// (a transaction the shell submits), <c>Event*</c> (a notification for the user). The shell acts on them
/// only after the state change that produced them is stored.
/// </summary>
public abstract record Event;
