namespace Photon.Node.Application;

/// <summary>A call the application refused, with a stable machine-readable <see cref="Code"/> and a sentence for people.</summary>
public sealed class NodeApplicationException : Exception
{
    public NodeApplicationException(ApplicationErrorKind kind, string code, string message)
        : base(message)
    {
        Kind = kind;
        Code = code;
    }

    public NodeApplicationException()
        : this(ApplicationErrorKind.InvalidArgument, "invalid_argument", "invalid argument")
    {
    }

    public NodeApplicationException(string message)
        : this(ApplicationErrorKind.InvalidArgument, "invalid_argument", message)
    {
    }

    public NodeApplicationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ApplicationErrorKind.InvalidArgument;
        Code = "invalid_argument";
    }

    public ApplicationErrorKind Kind { get; }

    /// <summary>snake_case, e.g. <c>unknown_token</c>, <c>insufficient_balance</c>, <c>no_route</c>.</summary>
    public string Code { get; }
}
