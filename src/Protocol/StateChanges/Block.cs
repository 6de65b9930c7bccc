namespace Photon.Protocol.StateChanges;

/// <summary>A new confirmed block: the only clock of the protocol (lock expiry, danger zones, settlement).</summary>
public sealed record Block(ulong Number) : StateChange;
