using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The EVM executed a REVERT (eth_call, eth_estimateGas, or a node that simulates on send).
/// <see cref="RevertData"/> holds the bytes the contract returned, <see cref="Reason"/> their decoding.
/// </summary>
public sealed class ExecutionRevertedException : JsonRpcException
{
    public ExecutionRevertedException(int code, string rpcMessage, JsonElement? data, ReadOnlyMemory<byte> revertData)
        : this(code, rpcMessage, data, RevertReason.Decode(revertData.Span))
    {
    }

    private ExecutionRevertedException(int code, string rpcMessage, JsonElement? data, RevertReason reason)
        : base(code, rpcMessage, data, $"execution reverted: {reason.Description} (JSON-RPC error {code}: {rpcMessage})")
    {
        Reason = reason;
    }

    /// <summary>The revert data returned by the contract (empty when there was none or the node did not report it).</summary>
    public ReadOnlyMemory<byte> RevertData => Reason.Data;

    public RevertReason Reason { get; }
}
