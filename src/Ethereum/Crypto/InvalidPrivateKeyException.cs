namespace Photon.Ethereum.Crypto;

/// <summary>A private key that is not 32 bytes, not hex, or not in [1, n−1]. The message never contains the key.</summary>
public sealed class InvalidPrivateKeyException(string message) : FormatException(message);
