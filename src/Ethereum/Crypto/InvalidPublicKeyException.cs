namespace Photon.Ethereum.Crypto;

/// <summary>A public key of the wrong length or whose coordinates are not a point on secp256k1.</summary>
public sealed class InvalidPublicKeyException(string message) : FormatException(message);
