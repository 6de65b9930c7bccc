using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Transactions;

/// <summary>
/// Sends contract calls (and creations) as EIP-1559 transactions signed locally with one key.
/// <list type="bullet">
/// <item>Fees: the tip from eth_maxPriorityFeePerGas, the cap 2 × the latest base fee + the tip
/// (<see cref="TransactionSenderOptions"/> may fix either).</item>
/// <item>Gas: eth_estimateGas × <see cref="TransactionSenderOptions.GasMargin"/> unless a limit is
/// given; a call that reverts fails here, before any nonce is taken, with
/// <see cref="ExecutionRevertedException"/> carrying the revert data.</item>
/// <item>Nonces: kept here, read from the node's pending count on first use. Signing and
/// submission are serialised, so concurrent sends get distinct consecutive nonces in the order
/// they reach the node. The local nonce advances only when the node accepted a transaction; after
/// any other outcome it is read again on the next send, so an unknown outcome (a transport
/// failure) never leaves a gap. When the node answers that the nonce is taken ("nonce too low",
/// "already known", "replacement transaction underpriced"), the transaction is ours if the node
/// knows its hash (a retried submission that had arrived); otherwise another sender of the same
/// key took the nonce, and the transaction is signed again once with the re-read nonce.</item>
/// <item>Receipts: <see cref="SendAsync"/> waits for the receipt and throws
/// <see cref="TransactionFailedException"/> for status 0.</item>
/// </list>
/// The key stays the caller's: the sender neither copies nor disposes it.
/// </summary>
[SuppressMessage(
    "Reliability",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never creates its wait handle (AvailableWaitHandle is never read), so it holds nothing to dispose.")]
public sealed partial class TransactionSender
{
    private readonly EthClient _eth;
    private readonly PrivateKey _key;
    private readonly TransactionSenderOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _nonceLock = new(1, 1);

    // The nonce of the next transaction; null when it must be read from the node (at first, and
    // after any submission whose acceptance is not certain). Guarded by _nonceLock.
    private ulong? _nextNonce;

    public TransactionSender(EthClient eth, PrivateKey key, ulong chainId, TransactionSenderOptions? options = null)
    {
        _eth = eth ?? throw new ArgumentNullException(nameof(eth));
        _key = key ?? throw new ArgumentNullException(nameof(key));
        ArgumentOutOfRangeException.ThrowIfZero(chainId);
        _options = options ?? new TransactionSenderOptions();
        _options.Validate();
        ChainId = chainId;
        Address = key.Address;
        _logger = EthereumLogging.LoggerFactory.CreateLogger<TransactionSender>();
    }

    /// <summary>The sending account: the key's address.</summary>
    public Address Address { get; }

    public ulong ChainId { get; }

    /// <summary>The client this sender submits through (bindings built on the sender read through it too).</summary>
    public EthClient Eth => _eth;

    public TransactionSenderOptions Options => _options;

    /// <summary>
    /// Submits the call and waits for its receipt. <paramref name="to"/> null creates a contract
    /// whose init code is <paramref name="data"/> (<see cref="TransactionReceipt.ContractAddress"/>).
    /// </summary>
    /// <exception cref="ExecutionRevertedException">Gas estimation reverted (nothing was sent).</exception>
    /// <exception cref="TransactionFailedException">The transaction was mined with status 0.</exception>
    /// <exception cref="TransactionOutcomeUnknownException">The node accepted the transaction but no receipt came within <see cref="TransactionSenderOptions.ReceiptTimeout"/>, or the node failed while we waited: it may still be mined.</exception>
    /// <exception cref="RpcException">The node failed or refused the transaction before accepting it.</exception>
    public async Task<TransactionReceipt> SendAsync(
        Address? to,
        ReadOnlyMemory<byte> data,
        UInt256 value = default,
        ulong? gasLimit = null,
        CancellationToken ct = default)
    {
        var transaction = await SubmitTransactionAsync(to, data, value, gasLimit, ct).ConfigureAwait(false);
        TransactionReceipt receipt;
        try
        {
            receipt = await _eth.WaitForReceiptAsync(transaction.Hash, _options.PollInterval, _options.ReceiptTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or RpcException)
        {
            // The node may have dropped it (a restart, an evicting pool): the next send reads the
            // node's nonce again instead of queueing behind a transaction that may never mine.
            await ForgetNonceAsync().ConfigureAwait(false);
            throw new TransactionOutcomeUnknownException(transaction, e);
        }
        if (receipt.Succeeded)
            return receipt;
        var tx = transaction.Transaction;
        throw new TransactionFailedException(
            receipt,
            tx.GasLimit,
            await ReplayAsync(receipt, Address, tx.To, tx.Data, tx.Value, tx.GasLimit, ct).ConfigureAwait(false));
    }

    /// <summary>Like <see cref="SendAsync"/> without waiting: returns the hash once the node accepted the transaction.</summary>
    /// <exception cref="ExecutionRevertedException">Gas estimation reverted (nothing was sent).</exception>
    /// <exception cref="RpcException">The node failed or refused the transaction.</exception>
    public async Task<Hash256> SubmitAsync(
        Address? to,
        ReadOnlyMemory<byte> data,
        UInt256 value = default,
        ulong? gasLimit = null,
        CancellationToken ct = default) =>
        (await SubmitTransactionAsync(to, data, value, gasLimit, ct).ConfigureAwait(false)).Hash;

    /// <summary>
    /// Waits for the receipt of a transaction submitted earlier (by <see cref="SubmitAsync"/>, possibly
    /// in a previous run) and applies the same rule as <see cref="SendAsync"/>: status 0 throws
    /// <see cref="TransactionFailedException"/>, with the revert data of a re-run of the call.
    /// </summary>
    public async Task<TransactionReceipt> WaitAsync(Hash256 transactionHash, CancellationToken ct = default)
    {
        var receipt = await _eth.WaitForReceiptAsync(transactionHash, _options.PollInterval, _options.ReceiptTimeout, ct).ConfigureAwait(false);
        if (receipt.Succeeded)
            return receipt;
        var tx = await _eth.GetTransactionByHashAsync(transactionHash, ct).ConfigureAwait(false);
        if (tx is null)
            throw new TransactionFailedException(receipt, null, null);
        throw new TransactionFailedException(
            receipt,
            tx.Gas,
            await ReplayAsync(receipt, tx.From, tx.To, tx.Input, tx.Value, tx.Gas, ct).ConfigureAwait(false));
    }

    private async Task<SignedTransaction> SubmitTransactionAsync(Address? to, ReadOnlyMemory<byte> data, UInt256 value, ulong? gasLimit, CancellationToken ct)
    {
        if (gasLimit is 0)
            throw new ArgumentOutOfRangeException(nameof(gasLimit), "a gas limit of 0 cannot run any transaction");
        // Priced and sized before a nonce is taken, so a call that reverts at estimation costs no nonce.
        var latestTask = _eth.GetBlockByNumberAsync(BlockParameter.Latest, ct);
        var tipTask = _options.MaxPriorityFeePerGas is { } fixedTip ? Task.FromResult(fixedTip) : _eth.MaxPriorityFeePerGasAsync(ct);
        var estimateTask = gasLimit is null
            ? _eth.EstimateGasAsync(new CallRequest { From = Address, To = to, Data = data, Value = value }, null, ct)
            : Task.FromResult(gasLimit.Value);
        // Estimation first: its revert is the failure to report when several calls fail.
        await Task.WhenAll(estimateTask, latestTask, tipTask).ConfigureAwait(false);
        var estimate = await estimateTask.ConfigureAwait(false);
        var latest = await latestTask.ConfigureAwait(false) ?? throw new InvalidOperationException("the node has no latest block");
        var tip = await tipTask.ConfigureAwait(false);
        var baseFee = latest.BaseFeePerGas
            ?? throw new NotSupportedException($"block {latest.Number} has no base fee: the chain is not on London (EIP-1559) yet");
        var maxFee = _options.MaxFeePerGas ?? baseFee * 2 + tip;
        tip = UInt256.Min(tip, maxFee);
        var gas = gasLimit ?? WithMargin(estimate, latest.GasLimit);

        await _nonceLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Cleared first: only a submission the node accepted sets it again.
            var nonce = _nextNonce ?? await PendingNonceAsync(ct).ConfigureAwait(false);
            _nextNonce = null;
            var signed = Sign(nonce, to, data, value, gas, tip, maxFee);
            if (await TrySubmitAsync(signed, ct).ConfigureAwait(false) is { } conflict)
            {
                // Not ours: another sender of this key took the nonce. The node just said so, hence
                // at least nonce + 1 even if its pending count lags (a load-balanced endpoint).
                var fresh = Math.Max(await PendingNonceAsync(ct).ConfigureAwait(false), nonce + 1);
                LogNonceTaken(_logger, Address, nonce, MessageText.Quote(conflict.RpcMessage, 200), fresh);
                signed = Sign(fresh, to, data, value, gas, tip, maxFee);
                if (await TrySubmitAsync(signed, ct).ConfigureAwait(false) is { } again)
                    ExceptionDispatchInfo.Throw(again);
            }
            _nextNonce = signed.Transaction.Nonce + 1;
            return signed;
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    private async Task ForgetNonceAsync()
    {
        await _nonceLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _nextNonce = null;
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    private SignedTransaction Sign(ulong nonce, Address? to, ReadOnlyMemory<byte> data, UInt256 value, ulong gas, UInt256 tip, UInt256 maxFee) =>
        TransactionSigner.Sign(
            new Eip1559Transaction
            {
                ChainId = ChainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = tip,
                MaxFeePerGas = maxFee,
                GasLimit = gas,
                To = to,
                Value = value,
                Data = data,
            },
            _key);

    // Null when the node has the transaction: it accepted it now, or it answered "nonce taken"
    // about this very transaction (a retried submission whose first attempt had arrived, or one
    // already mined). The nonce-conflict error when the nonce belongs to another transaction.
    private async Task<JsonRpcException?> TrySubmitAsync(SignedTransaction signed, CancellationToken ct)
    {
        Hash256 hash;
        try
        {
            hash = await _eth.SendRawTransactionAsync(signed.Encode(), ct).ConfigureAwait(false);
        }
        catch (JsonRpcException e) when (IsNonceConflict(e))
        {
            return await _eth.GetTransactionByHashAsync(signed.Hash, ct).ConfigureAwait(false) is null ? e : null;
        }
        return hash == signed.Hash
            ? null
            : throw new RpcResponseFormatException($"eth_sendRawTransaction answered {hash} for the transaction whose hash is {signed.Hash}");
    }

    private Task<ulong> PendingNonceAsync(CancellationToken ct) => _eth.GetTransactionCountAsync(Address, BlockParameter.Pending, ct);

    private ulong WithMargin(ulong estimate, ulong blockGasLimit)
    {
        var padded = Math.Ceiling((decimal)estimate * (decimal)_options.GasMargin);
        var limit = padded >= ulong.MaxValue ? ulong.MaxValue : (ulong)padded;
        // Never below the estimate: a node refuses a limit above the block's, but the estimate itself is its own answer.
        return Math.Max(estimate, blockGasLimit > 0 ? Math.Min(limit, blockGasLimit) : limit);
    }

    // Runs the failed call again on the state after its block: when it reverts there too, its data
    // names the reason (a competing transaction earlier in the same block is then already applied).
    // Best effort: the failure is the answer, so no error of this diagnosis hides it.
    private async Task<RevertReason?> ReplayAsync(
        TransactionReceipt receipt, Address from, Address? to, ReadOnlyMemory<byte> data, UInt256 value, ulong gas, CancellationToken ct)
    {
        var call = new CallRequest { From = from, To = to, Data = data, Value = value, Gas = gas };
        try
        {
            await _eth.CallAsync(call, BlockParameter.FromNumber(receipt.BlockNumber), ct).ConfigureAwait(false);
            return null;
        }
        catch (ExecutionRevertedException e)
        {
            return e.Reason.Kind == RevertReasonKind.Empty ? null : e.Reason;
        }
        catch (RpcException)
        {
            return null;
        }
    }

    // Messages of geth, erigon, reth, anvil, nethermind and besu for "this nonce is already used
    // by a known or mined transaction".
    private static bool IsNonceConflict(JsonRpcException e)
    {
        if (e is ExecutionRevertedException)
            return false;
        var message = e.RpcMessage;
        foreach (var phrase in (ReadOnlySpan<string>)
            ["nonce too low", "already known", "already imported", "known transaction", "oldnonce", "nonce has already been used", "replacement transaction underpriced"])
        {
            if (message.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "nonce {Nonce} of {Account} is taken ({RpcMessage}); signing again with nonce {Fresh}")]
    private static partial void LogNonceTaken(ILogger logger, Address account, ulong nonce, string rpcMessage, ulong fresh);
}
