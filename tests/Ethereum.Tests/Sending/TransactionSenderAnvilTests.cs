using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Sending;

/// <summary>
/// The transaction sender against a real Anvil: deployment and calls, fees and gas, nonces under
/// concurrency and under competition from another sender of the same key, and every way a call
/// fails (at estimation, on chain, out of gas, refused by the node).
/// </summary>
public sealed class TransactionSenderAnvilTests(SenderChain chain) : IClassFixture<SenderChain>
{
    private EthClient Eth => chain.Eth;

    [Fact]
    public async Task Deploys_a_contract_and_calls_it_with_EIP_1559_fees_and_the_gas_margin()
    {
        using var key = SenderChain.Key(1);
        var sender = chain.Sender(key);
        var deployment = chain.Compiled.DeploymentData("Second Ledger", (UInt256)500UL);
        var nonce = await Eth.GetTransactionCountAsync(sender.Address, BlockParameter.Pending);
        var estimate = await Eth.EstimateGasAsync(new CallRequest { From = sender.Address, Data = deployment });
        var latest = await Eth.GetBlockByNumberAsync(BlockParameter.Latest);
        var tip = await Eth.MaxPriorityFeePerGasAsync();

        var receipt = await sender.SendAsync(null, deployment);

        Assert.True(receipt.Succeeded);
        Assert.Equal(sender.Address, receipt.From);
        Assert.Equal(ContractAddress.Create(sender.Address, nonce), receipt.ContractAddress);
        var tx = await Eth.GetTransactionByHashAsync(receipt.TransactionHash);
        Assert.NotNull(tx);
        Assert.Equal(2, tx.Type);
        Assert.Equal(nonce, tx.Nonce);
        Assert.Equal(chain.Anvil.ChainId, tx.ChainId);
        Assert.Equal(tip, tx.MaxPriorityFeePerGas);
        Assert.Equal(latest!.BaseFeePerGas!.Value * 2 + tip, tx.MaxFeePerGas);
        Assert.Equal((ulong)Math.Ceiling(estimate * 1.2m), tx.Gas);

        var ledger = receipt.ContractAddress!.Value;
        var recipient = AnvilFixture.DevAddresses[2];
        var call = await sender.SendAsync(ledger, chain.Transfer(recipient, 200UL, "gift", "hello"));

        Assert.True(call.Succeeded);
        Assert.Equal(ledger, call.To);
        Assert.Equal((UInt256)300UL, await chain.BalanceOfAsync(sender.Address, ledger));
        Assert.Equal((UInt256)200UL, await chain.BalanceOfAsync(recipient, ledger));
        var log = Assert.Single(call.Logs);
        Assert.Equal(ledger, log.Address);
        var decoded = chain.Abi.DecodeLog(log.Topics, log.Data.Span);
        Assert.NotNull(decoded);
        Assert.Equal("Transfer", decoded.Event.Name);
        Assert.Equal(sender.Address, decoded.Values.GetAddress("from"));
        Assert.Equal((UInt256)200UL, decoded.Values.GetUInt256("amount"));
        Assert.Equal(nonce + 1, await chain.NonceOfAsync(call.TransactionHash));
    }

    [Fact]
    public async Task Twenty_concurrent_sends_get_consecutive_nonces_and_all_mine()
    {
        using var key = SenderChain.Key(3);
        var sender = chain.Sender(key);
        var recipient = Address.Parse("0x000000000000000000000000000000000000c0de");
        var first = await Eth.GetTransactionCountAsync(sender.Address, BlockParameter.Pending);

        var receipts = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            sender.SendAsync(chain.Ledger, chain.Transfer(recipient, (ulong)i))));

        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal(20, receipts.Select(r => r.TransactionHash).Distinct().Count());
        var nonces = new List<ulong>();
        foreach (var receipt in receipts)
            nonces.Add(await chain.NonceOfAsync(receipt.TransactionHash));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => first + (ulong)i), nonces.Order());
        Assert.Equal((UInt256)(20UL * 21 / 2), await chain.BalanceOfAsync(recipient));
        Assert.Equal(first + 20, await Eth.GetTransactionCountAsync(sender.Address, BlockParameter.Latest));
    }

    [Fact]
    public async Task A_call_that_reverts_fails_at_estimation_with_its_reason_and_takes_no_nonce()
    {
        using var key = SenderChain.Key(5);
        var sender = chain.Sender(key);
        var before = await Eth.GetTransactionCountAsync(sender.Address, BlockParameter.Pending);

        var require = await Assert.ThrowsAsync<ExecutionRevertedException>(
            () => sender.SendAsync(chain.Ledger, chain.Transfer(Address.Zero, UInt256.One)));
        var custom = await Assert.ThrowsAsync<ExecutionRevertedException>(
            () => sender.SubmitAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], SenderChain.Allowance + 1)));

        Assert.Equal(RevertReasonKind.Error, require.Reason.Kind);
        Assert.Equal("Ledger: transfer to the zero address", require.Reason.Message);
        Assert.Equal(RevertReasonKind.CustomError, custom.Reason.Kind);
        var error = chain.Abi.DecodeError(custom.RevertData.Span);
        Assert.NotNull(error);
        Assert.Equal("Insufficient", error.Error.Name);
        Assert.Equal(sender.Address, error.Values.GetAddress("account"));
        Assert.Equal(SenderChain.Allowance, error.Values.GetUInt256("available"));
        Assert.Equal(SenderChain.Allowance + 1, error.Values.GetUInt256("required"));
        Assert.Equal(before, await Eth.GetTransactionCountAsync(sender.Address, BlockParameter.Pending));
        var next = await sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], UInt256.One));
        Assert.Equal(before, await chain.NonceOfAsync(next.TransactionHash));
    }

    [Fact]
    public async Task A_forced_gas_limit_sends_a_reverting_call_that_fails_on_chain_with_status_0_and_its_reason()
    {
        using var key = SenderChain.Key(6);
        var sender = chain.Sender(key);
        var nonce = await Eth.GetTransactionCountAsync(sender.Address, BlockParameter.Pending);

        var failure = await Assert.ThrowsAsync<TransactionFailedException>(
            () => sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], SenderChain.Allowance + 1), gasLimit: 200_000));

        Assert.False(failure.Receipt.Succeeded);
        Assert.Equal(failure.Receipt, await Eth.GetTransactionReceiptAsync(failure.Receipt.TransactionHash));
        Assert.Equal(200_000UL, failure.GasLimit);
        Assert.Equal(nonce, await chain.NonceOfAsync(failure.Receipt.TransactionHash));
        Assert.NotNull(failure.Reason);
        Assert.Equal(RevertReasonKind.CustomError, failure.Reason.Kind);
        var insufficient = chain.Abi.GetError("Insufficient");
        Assert.Equal(insufficient.Encode(sender.Address, SenderChain.Allowance, SenderChain.Allowance + 1), failure.RevertData.ToArray());
        Assert.Contains("reverted", failure.Message, StringComparison.Ordinal);
        Assert.Equal(SenderChain.Allowance, await chain.BalanceOfAsync(sender.Address));
        // The failed transaction used its nonce: the next one takes the following.
        var next = await sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], UInt256.One));
        Assert.Equal(nonce + 1, await chain.NonceOfAsync(next.TransactionHash));
    }

    [Fact]
    public async Task A_call_that_runs_out_of_gas_fails_on_chain_without_a_reason()
    {
        using var key = SenderChain.Key(4);
        var sender = chain.Sender(key);

        // Enough for the intrinsic cost of the call data, far too little for its storage writes.
        var failure = await Assert.ThrowsAsync<TransactionFailedException>(
            () => sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], UInt256.One), gasLimit: 30_000));

        Assert.False(failure.Receipt.Succeeded);
        Assert.Equal(30_000UL, failure.Receipt.GasUsed);
        Assert.Null(failure.Reason);
        Assert.True(failure.RevertData.IsEmpty);
        Assert.Contains("out of gas", failure.Message, StringComparison.Ordinal);
        Assert.Equal(SenderChain.Allowance, await chain.BalanceOfAsync(sender.Address));
    }

    [Fact]
    public async Task Submitted_transactions_are_awaited_later_with_the_same_failure_rule()
    {
        using var key = SenderChain.Key(7);
        var sender = chain.Sender(key);

        var good = await sender.SubmitAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], 5UL));
        var bad = await sender.SubmitAsync(chain.Ledger, chain.Transfer(Address.Zero, 5UL), gasLimit: 100_000);

        var receipt = await sender.WaitAsync(good);
        Assert.True(receipt.Succeeded);
        Assert.Equal(good, receipt.TransactionHash);
        var failure = await Assert.ThrowsAsync<TransactionFailedException>(() => sender.WaitAsync(bad));
        Assert.Equal(bad, failure.Receipt.TransactionHash);
        Assert.Equal(100_000UL, failure.GasLimit);
        Assert.Equal("Ledger: transfer to the zero address", failure.Reason?.Message);
        Assert.Equal(await chain.NonceOfAsync(good) + 1, await chain.NonceOfAsync(bad));
    }

    [Fact]
    public async Task A_transaction_without_a_receipt_in_time_is_reported_with_its_hash_and_awaited_later_without_a_duplicate()
    {
        using var key = PrivateKey.Generate();
        await chain.Anvil.Rpc.CallAsync("anvil_setBalance", [key.Address.ToString(), UInt256.Parse("100000000000000000000").ToHexString()]);
        var sender = chain.Sender(key, SenderChain.Options with { ReceiptTimeout = TimeSpan.FromMilliseconds(300) });
        var payee = AnvilFixture.DevAddresses[1];

        await chain.Anvil.SetAutomineAsync(false);
        TransactionOutcomeUnknownException unknown;
        try
        {
            unknown = await Assert.ThrowsAsync<TransactionOutcomeUnknownException>(() => sender.SendAsync(payee, ReadOnlyMemory<byte>.Empty, UInt256.One));
        }
        finally
        {
            await chain.Anvil.SetAutomineAsync(true);
        }
        await chain.Anvil.MineAsync();

        Assert.IsType<TimeoutException>(unknown.InnerException);
        Assert.Equal(0UL, unknown.Nonce);
        Assert.Contains(unknown.TransactionHash.ToString(), unknown.Message, StringComparison.Ordinal);
        Assert.True((await sender.WaitAsync(unknown.TransactionHash)).Succeeded);
        // The sender read the node's nonce again: the next call follows the first, no gap, no duplicate.
        var next = await sender.SendAsync(payee, ReadOnlyMemory<byte>.Empty, UInt256.One);
        Assert.Equal(1UL, await chain.NonceOfAsync(next.TransactionHash));
        Assert.Equal(2UL, await Eth.GetTransactionCountAsync(key.Address, BlockParameter.Latest));
    }

    [Fact]
    public async Task A_nonce_taken_by_another_sender_of_the_same_key_is_recovered()
    {
        using var key = SenderChain.Key(8);
        var mine = chain.Sender(key);
        var other = chain.Sender(key);
        var recipient = AnvilFixture.DevAddresses[1];

        var first = await mine.SendAsync(chain.Ledger, chain.Transfer(recipient, UInt256.One));
        var taken = await other.SendAsync(chain.Ledger, chain.Transfer(recipient, UInt256.One));
        // mine still expects the nonce that other has just used.
        var recovered = await mine.SendAsync(chain.Ledger, chain.Transfer(recipient, UInt256.One));
        var after = await mine.SendAsync(chain.Ledger, chain.Transfer(recipient, UInt256.One));

        var n = await chain.NonceOfAsync(first.TransactionHash);
        Assert.Equal(n + 1, await chain.NonceOfAsync(taken.TransactionHash));
        Assert.True(recovered.Succeeded);
        Assert.Equal(n + 2, await chain.NonceOfAsync(recovered.TransactionHash));
        Assert.Equal(n + 3, await chain.NonceOfAsync(after.TransactionHash));
        Assert.Equal(SenderChain.Allowance - 4, await chain.BalanceOfAsync(key.Address));
    }

    [Fact]
    public async Task A_nonce_held_by_another_sender_s_pending_transaction_is_recovered()
    {
        using var key = PrivateKey.Generate();
        using (var owner = SenderChain.Key(0))
            await chain.Sender(owner).SendAsync(key.Address, ReadOnlyMemory<byte>.Empty, value: UInt256.Parse("1000000000000000000"));
        var mine = chain.Sender(key);
        var other = chain.Sender(key);
        var recipient = AnvilFixture.DevAddresses[1];
        var first = await mine.SendAsync(recipient, ReadOnlyMemory<byte>.Empty, value: 1UL);
        var n = await chain.NonceOfAsync(first.TransactionHash);

        await chain.Anvil.SetAutomineAsync(false);
        Hash256 taken, recovered;
        try
        {
            // other's transaction waits in the pool with the nonce mine expects: the node answers
            // mine's with "replacement transaction underpriced", not "nonce too low".
            taken = await other.SubmitAsync(recipient, ReadOnlyMemory<byte>.Empty, value: 2UL);
            recovered = await mine.SubmitAsync(recipient, ReadOnlyMemory<byte>.Empty, value: 3UL);
            await chain.Anvil.MineAsync();
        }
        finally
        {
            await chain.Anvil.SetAutomineAsync(true);
        }

        Assert.True((await mine.WaitAsync(taken)).Succeeded);
        Assert.True((await mine.WaitAsync(recovered)).Succeeded);
        Assert.Equal(n + 1, await chain.NonceOfAsync(taken));
        Assert.Equal(n + 2, await chain.NonceOfAsync(recovered));
    }

    [Fact]
    public async Task A_transaction_the_node_already_has_counts_as_sent()
    {
        using var key = SenderChain.Key(9);
        var fees = SenderChain.Options with { MaxPriorityFeePerGas = 1_000_000_000UL, MaxFeePerGas = 50_000_000_000UL };
        var sender = chain.Sender(key, fees);
        var data = chain.Transfer(AnvilFixture.DevAddresses[1], 9UL);
        // The sender now holds the next nonce; the node gets a transaction with it before the sender sends.
        var warmUp = await sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], 1UL));
        var nonce = await chain.NonceOfAsync(warmUp.TransactionHash) + 1;
        // What a retried submission looks like: the same signed bytes reached the node before (and were mined).
        var early = TransactionSigner.Sign(
            new Eip1559Transaction
            {
                ChainId = chain.Anvil.ChainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas!.Value,
                MaxFeePerGas = fees.MaxFeePerGas!.Value,
                GasLimit = 150_000,
                To = chain.Ledger,
                Data = data,
            },
            key);
        await Eth.WaitForReceiptAsync(await Eth.SendRawTransactionAsync(early.Encode()), SenderChain.Options.PollInterval);

        var receipt = await sender.SendAsync(chain.Ledger, data, gasLimit: 150_000);
        var next = await sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], 1UL));

        Assert.Equal(early.Hash, receipt.TransactionHash);
        Assert.Equal(nonce + 1, await chain.NonceOfAsync(next.TransactionHash));
        Assert.Equal(SenderChain.Allowance - 11, await chain.BalanceOfAsync(key.Address));
    }

    [Fact]
    public async Task A_submission_the_node_refuses_leaves_no_nonce_gap()
    {
        using var key = SenderChain.Key(2);
        var sender = chain.Sender(key);
        var first = await sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], UInt256.One));
        var balance = await Eth.GetBalanceAsync(key.Address);

        var refused = await Assert.ThrowsAnyAsync<JsonRpcException>(
            () => sender.SubmitAsync(AnvilFixture.DevAddresses[1], ReadOnlyMemory<byte>.Empty, value: balance * 2, gasLimit: 21_000));
        var next = await sender.SendAsync(chain.Ledger, chain.Transfer(AnvilFixture.DevAddresses[1], UInt256.One));

        Assert.IsNotType<ExecutionRevertedException>(refused);
        Assert.Contains("insufficient funds", refused.RpcMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(await chain.NonceOfAsync(first.TransactionHash) + 1, await chain.NonceOfAsync(next.TransactionHash));
    }
}
