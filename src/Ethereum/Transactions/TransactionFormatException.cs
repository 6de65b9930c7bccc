namespace Photon.Ethereum.Transactions;

/// <summary>
/// A transaction that cannot be accepted as given: malformed or non-canonical bytes (unknown
/// type, wrong field count, trailing bytes, an integer with leading zeros, a legacy <c>v</c> that
/// matches no chain id, a high-<c>s</c> signature), or a JSON transaction with an unknown, missing,
/// malformed or contradictory field. The message is one line that names the problem and the field.
/// </summary>
public sealed class TransactionFormatException : FormatException
{
    public TransactionFormatException(string message)
        : base(message)
    {
    }

    public TransactionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TransactionFormatException()
        : this("malformed transaction")
    {
    }
}
