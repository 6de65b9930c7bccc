using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The eth_* methods, typed. Quantities travel as 0x-hex (never the decimal form of the REST
/// API); results are checked field by field (<see cref="RpcResponseFormatException"/> otherwise).
/// Reverts of eth_call and eth_estimateGas surface as <see cref="ExecutionRevertedException"/>;
/// every failure of the node is an <see cref="RpcException"/>.
/// </summary>
public sealed class EthClient(JsonRpcClient rpc)
{
    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public async Task<ulong> ChainIdAsync(CancellationToken cancellationToken = default) =>
        RpcJson.QuantityUInt64(await Rpc.CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false), "eth_chainId");

    public async Task<ulong> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        RpcJson.QuantityUInt64(await Rpc.CallAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false), "eth_blockNumber");

    public async Task<UInt256> GetBalanceAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_getBalance", [address.ToLowerHex(), block.ToRpcString()], cancellationToken).ConfigureAwait(false), "eth_getBalance");

    /// <summary>The nonce: with <see cref="BlockParameter.Pending"/> it counts the node's pending transactions too.</summary>
    public async Task<ulong> GetTransactionCountAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RpcJson.QuantityUInt64(
            await Rpc.CallAsync("eth_getTransactionCount", [address.ToLowerHex(), block.ToRpcString()], cancellationToken).ConfigureAwait(false),
            "eth_getTransactionCount");

    public async Task<UInt256> GasPriceAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_gasPrice", [], cancellationToken).ConfigureAwait(false), "eth_gasPrice");

    public async Task<UInt256> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await Rpc.CallAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false), "eth_maxPriorityFeePerGas");

    /// <summary>Fee data of recent blocks, for choosing EIP-1559 fees.</summary>
    /// <param name="blockCount">How many blocks, ending at <paramref name="newestBlock"/> (nodes cap this, commonly at 1024).</param>
    /// <param name="newestBlock">The last block of the range.</param>
    /// <param name="rewardPercentiles">Ascending percentiles in [0, 100] of the tips to report per block.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<FeeHistory> FeeHistoryAsync(
        int blockCount,
        BlockParameter newestBlock = default,
        IReadOnlyList<double>? rewardPercentiles = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        var percentiles = rewardPercentiles ?? [];
        for (var i = 0; i < percentiles.Count; i++)
        {
            if (percentiles[i] is < 0 or > 100 || double.IsNaN(percentiles[i]) || (i > 0 && percentiles[i] < percentiles[i - 1]))
                throw new ArgumentException("reward percentiles must be ascending values in [0, 100]", nameof(rewardPercentiles));
        }
        var result = await Rpc.CallAsync(
            "eth_feeHistory",
            [Hex.Quantity((ulong)blockCount), newestBlock.ToRpcString(), percentiles],
            cancellationToken).ConfigureAwait(false);
        return FeeHistory.Read(result, "eth_feeHistory");
    }

    /// <summary>The block's header and transaction hashes, or null when the node has no such block.</summary>
    /// <exception cref="ArgumentException"><paramref name="block"/> is <see cref="BlockParameter.Pending"/>: use <see cref="GetPendingBlockAsync"/>.</exception>
    public async Task<Block?> GetBlockByNumberAsync(BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        if (block.IsPending)
            throw new ArgumentException("the pending block has no hash or miner yet; GetPendingBlockAsync reads it", nameof(block));
        var result = await Rpc.CallAsync("eth_getBlockByNumber", [block.ToRpcString(), false], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Block.Read(result, "eth_getBlockByNumber");
    }

    /// <summary>The block the node is building (its number, next base fee and queued transactions), or null when the node keeps none.</summary>
    public async Task<PendingBlock?> GetPendingBlockAsync(CancellationToken cancellationToken = default)
    {
        var result = await Rpc.CallAsync("eth_getBlockByNumber", [BlockParameter.Pending.ToRpcString(), false], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : PendingBlock.Read(result, "eth_getBlockByNumber(pending)");
    }

    public async Task<Block?> GetBlockByHashAsync(Hash256 hash, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.CallAsync("eth_getBlockByHash", [hash.ToString(), false], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : Block.Read(result, "eth_getBlockByHash");
    }

    /// <summary>The runtime code at an address; empty for an account without code.</summary>
    public async Task<byte[]> GetCodeAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Bytes(await Rpc.CallAsync("eth_getCode", [address.ToLowerHex(), block.ToRpcString()], cancellationToken).ConfigureAwait(false), "eth_getCode");

    /// <summary>Executes a call without a transaction and returns its output.</summary>
    /// <exception cref="ExecutionRevertedException">The call reverted.</exception>
    public async Task<byte[]> CallAsync(CallRequest call, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RpcJson.Bytes(await Rpc.CallAsync("eth_call", [call.ToRpcObject(), block.ToRpcString()], cancellationToken).ConfigureAwait(false), "eth_call");
    }

    /// <summary>The gas the node estimates the call needs (without a block argument unless one is given: not every node takes one).</summary>
    /// <exception cref="ExecutionRevertedException">The call reverts at every gas limit.</exception>
    public async Task<ulong> EstimateGasAsync(CallRequest call, BlockParameter? block = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        object?[] parameters = block is { } b ? [call.ToRpcObject(), b.ToRpcString()] : [call.ToRpcObject()];
        return RpcJson.QuantityUInt64(await Rpc.CallAsync("eth_estimateGas", parameters, cancellationToken).ConfigureAwait(false), "eth_estimateGas");
    }

    /// <summary>Submits a signed transaction and returns its hash.</summary>
    public async Task<Hash256> SendRawTransactionAsync(ReadOnlyMemory<byte> signedTransaction, CancellationToken cancellationToken = default)
    {
        if (signedTransaction.IsEmpty)
            throw new ArgumentException("a signed transaction is needed", nameof(signedTransaction));
        return RpcJson.Hash(
            await Rpc.CallAsync("eth_sendRawTransaction", [Hex.Encode(signedTransaction.Span)], cancellationToken).ConfigureAwait(false),
            "eth_sendRawTransaction");
    }

    /// <summary>
    /// Asks the node to sign and send with a key it holds (<see cref="CallRequest.From"/>): only dev
    /// chains such as Anvil unlock accounts; production code signs locally and uses
    /// <see cref="SendRawTransactionAsync"/>.
    /// </summary>
    public async Task<Hash256> SendTransactionAsync(CallRequest transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.From is null)
            throw new ArgumentException("eth_sendTransaction needs a From account", nameof(transaction));
        return RpcJson.Hash(await Rpc.CallAsync("eth_sendTransaction", [transaction.ToRpcObject()], cancellationToken).ConfigureAwait(false), "eth_sendTransaction");
    }

    /// <summary>The receipt, or null while the transaction is not mined (or unknown to the node).</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(Hash256 transactionHash, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.CallAsync("eth_getTransactionReceipt", [transactionHash.ToString()], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : TransactionReceipt.Read(result, "eth_getTransactionReceipt");
    }

    /// <summary>The transaction, or null when the node does not know it.</summary>
    public async Task<RpcTransaction?> GetTransactionByHashAsync(Hash256 transactionHash, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.CallAsync("eth_getTransactionByHash", [transactionHash.ToString()], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcTransaction.Read(result, "eth_getTransactionByHash");
    }

    public async Task<IReadOnlyList<Log>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = await Rpc.CallAsync("eth_getLogs", [filter.ToRpcObject()], cancellationToken).ConfigureAwait(false);
        return RpcJson.Array(result, "eth_getLogs", Log.Read);
    }

    /// <summary>
    /// Polls for the receipt until it exists. Transport failures propagate (the client has already
    /// retried them); the wait ends with <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(
        Hash256 transactionHash,
        TimeSpan? pollInterval = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(500);
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(pollInterval));
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false) is { } receipt)
                return receipt;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no receipt for transaction {transactionHash} after {limit.TotalSeconds:0.###} s");
            await Task.Delay(interval < left ? interval : left, cancellationToken).ConfigureAwait(false);
        }
    }
}
