namespace Photon.Ethereum;

/// <summary>Text that should be hexadecimal is not, or has the wrong length.</summary>
public sealed class HexFormatException(string message) : FormatException(message);
