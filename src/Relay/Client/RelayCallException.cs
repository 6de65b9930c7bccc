namespace Photon.Relay.Client;

/// <summary>
/// A relay call that failed: the relay refused it (<see cref="Status"/> and its <see cref="ErrorCode"/>)
/// or it never got an answer (network, timeout: no status). <see cref="IsTransient"/> tells
/// whether the same call may succeed later.
/// </summary>
public sealed class RelayCallException : Exception
{
    public RelayCallException(string message, int? status, string errorCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? Status { get; }

    /// <summary>The relay's <c>error</c> code (e.g. <c>recipient_quota_exceeded</c>), or the client's own: <c>network</c>, <c>timeout</c>, <c>malformed_response</c>.</summary>
    public string ErrorCode { get; }

    public bool IsTransient { get; }

    /// <summary>The relay's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }
}
