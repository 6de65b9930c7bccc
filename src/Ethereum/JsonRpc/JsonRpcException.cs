using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The endpoint answered with a JSON-RPC error object. This is an answer, not a transport
/// failure: the client never retries it. <see cref="Exception.Message"/> quotes the endpoint's
/// text shortened and with control characters escaped (it may come from a hostile endpoint or
/// contract and end up in logs); <see cref="RpcMessage"/> keeps it exactly.
/// </summary>
public class JsonRpcException : RpcException
{
    public JsonRpcException(int code, string rpcMessage, JsonElement? data)
        : this(code, rpcMessage, data, $"{MessageText.Quote(rpcMessage ?? throw new ArgumentNullException(nameof(rpcMessage)), 200)} (JSON-RPC error {code})")
    {
    }

    protected JsonRpcException(int code, string rpcMessage, JsonElement? data, string message)
        : base(message, null)
    {
        Code = code;
        RpcMessage = rpcMessage;
        // Cloned so the element outlives the response document it was read from.
        ErrorData = data is { ValueKind: not JsonValueKind.Undefined } d ? d.Clone() : null;
    }

    /// <summary>The error code, e.g. -32601 (method not found), -32602 (invalid params), 3 (execution reverted).</summary>
    public int Code { get; }

    /// <summary>The error message exactly as the endpoint wrote it.</summary>
    public string RpcMessage { get; }

    /// <summary>The optional <c>data</c> member of the error object, as the endpoint sent it.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>The raw JSON text of <see cref="ErrorData"/>, or null when the error had none.</summary>
    public string? ErrorDataJson => ErrorData?.GetRawText();
}
