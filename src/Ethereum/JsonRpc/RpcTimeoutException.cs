namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The last attempt got no complete answer within <see cref="JsonRpcClientOptions.RequestTimeout"/>.
/// A transport failure: callers that handle an unreachable endpoint handle this too.
/// </summary>
public sealed class RpcTimeoutException(string message, int attempts, TimeSpan timeout, Exception? innerException)
    : RpcTransportException(message, attempts, statusCode: null, innerException)
{
    public TimeSpan Timeout { get; } = timeout;
}
