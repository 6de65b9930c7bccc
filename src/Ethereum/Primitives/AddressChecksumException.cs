namespace Photon.Ethereum;

/// <summary>A mixed-case address whose capitalisation is not its EIP-55 checksum: most likely a typo.</summary>
public sealed class AddressChecksumException(string message) : FormatException(message);
