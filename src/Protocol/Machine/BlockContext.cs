namespace Photon.Protocol.Machine;

/// <summary>
/// The chain as the node saw it when a state change happened: the latest confirmed block. Recorded
/// with each state change so that a replay sees the same clock (the core reads no clock of its own).
/// </summary>
public readonly record struct BlockContext(ulong Number);
