namespace Photon.Ethereum.Abi;

/// <summary>The topics and data of an event log, as a node stores them.</summary>
public sealed record AbiLog(IReadOnlyList<Hash256> Topics, ReadOnlyMemory<byte> Data);
