namespace Photon.Ethereum.Rlp;

/// <summary>
/// Malformed or non-canonical RLP, or an RLP item that does not have the shape a caller asked
/// for (a list where a string was expected, a number with leading zeros, a 19-byte address).
/// <see cref="Offset"/> is the byte position in the decoded input where the problem was found,
/// or -1 when the problem is about an already decoded item.
/// </summary>
public sealed class RlpException : FormatException
{
    public RlpException(string message)
        : base(message) => Offset = -1;

    public RlpException(string message, int offset)
        : base($"{message} (at byte {offset})") => Offset = offset;

    public RlpException()
        : this("malformed RLP")
    {
    }

    public RlpException(string message, Exception innerException)
        : base(message, innerException) => Offset = -1;

    public int Offset { get; }
}
