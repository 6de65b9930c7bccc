using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The EVM executed a REVERT (eth_call, eth_estimateGas, or a node that simulates on send).
/// <see cref="RevertData"/> holds the bytes the contract returned, <see cref="Reason"/> their decoding.
/// The message shows the reason escaped (a contract chooses its revert string, and it must not be
/// able to forge log lines); <see cref="RevertReason.Message"/> has it exactly.
/// </summary>
public sealed class ExecutionRevertedException : JsonRpcException
{
    public ExecutionRevertedException(int code, string rpcMessage, JsonElement? data, ReadOnlyMemory<byte> revertData)
        : this(code, rpcMessage ?? throw new ArgumentNullException(nameof(rpcMessage)), data, RevertReason.Decode(revertData.Span))
    {
    }

    private ExecutionRevertedException(int code, string rpcMessage, JsonElement? data, RevertReason reason)
        : base(code, rpcMessage, data, $"execution reverted: {reason.Description} (JSON-RPC error {code}: {MessageText.Quote(rpcMessage, 200)})")
    {
        Reason = reason;
    }

    /// <summary>The revert data returned by the contract (empty when there was none or the node did not report it).</summary>
    public ReadOnlyMemory<byte> RevertData => Reason.Data;

    public RevertReason Reason { get; }
}
