namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// A JSON-RPC call did not produce a result. The family, so that callers can handle "the node
/// failed" in one place:
/// <list type="bullet">
/// <item><see cref="RpcTransportException"/>: no answer at all (unreachable, connection reset, an
/// HTTP error status), after the retries the client allows; <see cref="RpcTimeoutException"/> when
/// the last attempt ran out of time.</item>
/// <item><see cref="RpcResponseFormatException"/>: an answer that is not a valid JSON-RPC response or
/// whose result has the wrong shape (a broken or hostile endpoint).</item>
/// <item><see cref="JsonRpcException"/>: the endpoint answered with a JSON-RPC error object;
/// <see cref="ExecutionRevertedException"/> when the EVM reverted.</item>
/// </list>
/// None of these is a <see cref="FormatException"/>: the caller's input was not at fault, so an
/// edge that maps FormatException to "bad request" must not see a failing upstream node as one.
/// Arguments the client refuses before sending are <see cref="ArgumentException"/>s.
/// </summary>
public abstract class RpcException : Exception
{
    protected RpcException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
