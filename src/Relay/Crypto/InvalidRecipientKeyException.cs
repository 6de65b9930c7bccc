namespace Photon.Relay.Crypto;

/// <summary>
/// A public key that cannot be used to seal for an address: of the wrong length, not on
/// secp256k1, or not the key of that address (a relay's key directory lied or is broken).
/// </summary>
public sealed class InvalidRecipientKeyException(string message) : FormatException(message);
