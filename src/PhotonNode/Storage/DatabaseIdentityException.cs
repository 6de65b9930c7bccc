namespace Photon.Node.Storage;

/// <summary>The database belongs to another node, chain or deployment, or to a newer version of the software.</summary>
public sealed class DatabaseIdentityException : Exception
{
    public DatabaseIdentityException()
    {
    }

    public DatabaseIdentityException(string message)
        : base(message)
    {
    }

    public DatabaseIdentityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
