namespace Photon.Node.Application;

/// <summary>Why the application refused a call; each edge maps it once (REST status, gRPC status, CLI exit code).</summary>
public enum ApplicationErrorKind
{
    /// <summary>Malformed or out-of-range argument (REST 400, gRPC INVALID_ARGUMENT).</summary>
    InvalidArgument,

    /// <summary>Unknown token, partner, channel or payment (404, NOT_FOUND).</summary>
    NotFound,

    /// <summary>Not enough balance or deposit for the amount (402, FAILED_PRECONDITION).</summary>
    InsufficientBalance,

    /// <summary>The state does not allow it: channel closed, already registered, withdraw pending… (409, FAILED_PRECONDITION).</summary>
    Conflict,

    /// <summary>No route can carry the payment (409, FAILED_PRECONDITION).</summary>
    NoRoute,

    /// <summary>The payment was tried and failed (409 on a synchronous payment, FAILED_PRECONDITION).</summary>
    PaymentFailed,

    /// <summary>The chain refused or failed the transaction (502, UNAVAILABLE).</summary>
    ChainFailure,

    /// <summary>The node is starting or stopping (503, UNAVAILABLE).</summary>
    Unavailable,
}
