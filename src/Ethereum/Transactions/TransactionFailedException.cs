using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// A transaction was mined with status 0: it reverted or ran out of gas, its state changes are
/// undone and its gas is spent. <see cref="Reason"/> is what re-running the call with eth_call on
/// the state after its block revealed, when that reverted too; null when the re-run succeeded or
/// failed without revert data (for instance out of gas), since then the cause is not known.
/// Not an <see cref="RpcException"/>: the node answered correctly, the chain refused the call.
/// </summary>
public sealed class TransactionFailedException : Exception
{
    public TransactionFailedException(TransactionReceipt receipt, ulong? gasLimit, RevertReason? reason)
        : base(Describe(receipt, gasLimit, reason))
    {
        Receipt = receipt;
        GasLimit = gasLimit;
        Reason = reason;
    }

    public TransactionReceipt Receipt { get; }

    /// <summary>
    /// The gas limit the transaction was sent with (gas used equal to it suggests it ran out of
    /// gas); null when the node no longer returns the transaction.
    /// </summary>
    public ulong? GasLimit { get; }

    /// <summary>The decoded revert data of the re-run, or null when it gave none.</summary>
    public RevertReason? Reason { get; }

    /// <summary>The revert data of the re-run, selector included; empty when there was none.</summary>
    public ReadOnlyMemory<byte> RevertData => Reason?.Data ?? ReadOnlyMemory<byte>.Empty;

    private static string Describe(TransactionReceipt receipt, ulong? gasLimit, RevertReason? reason)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var cause = reason is not null
            ? $"reverted: {reason.Description}"
            : receipt.GasUsed >= gasLimit
                ? "failed, probably out of gas (all of it was used)"
                : "failed (re-running the call gave no revert data)";
        var limit = gasLimit is { } l ? $" of {l}" : "";
        return $"transaction {receipt.TransactionHash} {cause} in block {receipt.BlockNumber} (gas used {receipt.GasUsed}{limit})";
    }
}
