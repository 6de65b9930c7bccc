namespace Photon.Node.Api;

/// <summary>The node's API refused a call: its HTTP status, error code and message.</summary>
public sealed class NodeApiCallException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
