namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The endpoint answered, but not with a valid JSON-RPC response for our request: a body that is
/// not JSON, no <c>result</c> nor <c>error</c>, an id we did not send, or a result of the wrong shape.
/// The endpoint is at fault, not the caller: this is deliberately not a <see cref="FormatException"/>.
/// </summary>
public sealed class RpcResponseFormatException : RpcException
{
    public RpcResponseFormatException(string message)
        : base(message, null)
    {
    }

    public RpcResponseFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
