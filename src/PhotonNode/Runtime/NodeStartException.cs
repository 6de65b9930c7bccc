namespace Photon.Node.Runtime;

/// <summary>The node cannot start with what it was given (bad key, wrong chain, locked directory…); the message says what to change.</summary>
public sealed class NodeStartException : Exception
{
    public NodeStartException()
    {
    }

    public NodeStartException(string message)
        : base(message)
    {
    }

    public NodeStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
