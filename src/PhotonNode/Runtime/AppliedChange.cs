using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Runtime;

/// <summary>
/// A state change as the runtime applied it: the node's block after it, the events it produced, and the
/// chain transactions its <c>ContractSend*</c> events ask for as (kind, request) journal entries. Committed together.
/// </summary>
public sealed record AppliedChange(StateChange Change, ulong Block, IReadOnlyList<Event> Events, IReadOnlyList<(string Kind, string Request)> Transactions);
