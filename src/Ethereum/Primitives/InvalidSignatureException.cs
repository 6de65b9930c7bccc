namespace Photon.Ethereum;

/// <summary>
/// A signature that cannot be accepted: wrong length, <c>v</c> not 27/28, <c>r</c> or <c>s</c>
/// out of range, high <c>s</c> (malleable), or no public key recoverable from it.
/// </summary>
public sealed class InvalidSignatureException(string message) : FormatException(message);
