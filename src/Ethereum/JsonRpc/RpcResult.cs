using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>The outcome of one call of a batch: a result, or the error the endpoint gave for that call alone.</summary>
public sealed class RpcResult
{
    private readonly JsonElement _result;

    internal RpcResult(JsonElement result) => _result = result;

    internal RpcResult(JsonRpcException error) => Error = error;

    public bool IsSuccess => Error is null;

    public JsonRpcException? Error { get; }

    /// <summary>The result element (JSON null is a valid result); throws <see cref="Error"/> if the call failed.</summary>
    public JsonElement GetResult()
    {
        if (Error is not null)
            ExceptionDispatchInfo.Throw(Error);
        return _result;
    }

    /// <summary>The result deserialized with the RPC conventions (0x-quantities, 0x-bytes).</summary>
    public T? GetResult<T>() => RpcJson.Deserialize<T>(GetResult(), "batch item");
}
