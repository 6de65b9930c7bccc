namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The endpoint answered, but not with a valid JSON-RPC response for our request: a body that is
/// not JSON, no <c>result</c> nor <c>error</c>, an id we did not send, or a result of the wrong shape.
/// </summary>
public sealed class RpcResponseFormatException : FormatException
{
    public RpcResponseFormatException(string message)
        : base(message)
    {
    }

    public RpcResponseFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
