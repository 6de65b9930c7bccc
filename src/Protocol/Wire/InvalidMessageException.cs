namespace Photon.Protocol.Wire;

/// <summary>
/// A message from a peer that must be refused: it does not parse, is not canonical, carries a
/// field of the wrong size, or its signature does not verify. Bad input, never a bug of ours.
/// </summary>
public sealed class InvalidMessageException(string message, Exception? innerException = null)
    : FormatException(message, innerException);
