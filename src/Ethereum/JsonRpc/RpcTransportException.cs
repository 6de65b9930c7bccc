using System.Net;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// No JSON-RPC answer could be obtained: the endpoint was unreachable, reset the connection,
/// or answered with an HTTP error status, on every attempt the retry policy allowed.
/// </summary>
public class RpcTransportException : RpcException
{
    public RpcTransportException(string message, int attempts, HttpStatusCode? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
        StatusCode = statusCode;
    }

    /// <summary>How many HTTP requests were made before giving up.</summary>
    public int Attempts { get; }

    /// <summary>The HTTP status of the last attempt, when the endpoint answered at the HTTP level.</summary>
    public HttpStatusCode? StatusCode { get; }
}
