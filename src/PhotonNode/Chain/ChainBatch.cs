using Photon.Contracts.Bindings;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Chain;

/// <summary>
/// The confirmed blocks <see cref="FromBlock"/>..<see cref="ToBlock"/>: their contract events in chain order,
/// and the state changes they make, ending with <c>Block(ToBlock)</c>. Applied (and committed) as one batch.
/// </summary>
public sealed record ChainBatch(ulong FromBlock, ulong ToBlock, IReadOnlyList<ContractEvent> Events, IReadOnlyList<StateChange> Changes);
