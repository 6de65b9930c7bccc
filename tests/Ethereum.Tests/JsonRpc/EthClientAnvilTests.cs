using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

public sealed class EthClientAnvilTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task Chain_id_is_the_configured_one()
    {
        Assert.Equal(anvil.ChainId, await anvil.Eth.ChainIdAsync());
    }

    [Fact]
    public async Task Block_number_follows_mining()
    {
        var before = await anvil.Eth.BlockNumberAsync();
        await anvil.MineAsync(2);

        Assert.Equal(before + 2, await anvil.Eth.BlockNumberAsync());
    }

    [Fact]
    public async Task Dev_account_balances_and_nonces_start_at_genesis_values()
    {
        var unused = AnvilDevAccounts.Addresses[9];

        Assert.Equal(AnvilDevAccounts.InitialBalanceWei, await anvil.Eth.GetBalanceAsync(unused));
        Assert.Equal(0UL, await anvil.Eth.GetTransactionCountAsync(unused));
        Assert.Equal(0UL, await anvil.Eth.GetTransactionCountAsync(unused, BlockParameter.Pending));
        Assert.Equal(UInt256.Zero, await anvil.Eth.GetBalanceAsync(Address.Parse("0x000000000000000000000000000000000000dEaD")));
    }

    [Fact]
    public async Task Blocks_by_number_and_by_hash_carry_header_fields_and_link_to_their_parent()
    {
        await anvil.MineAsync(2);
        var latest = (await anvil.Eth.GetBlockByNumberAsync(BlockParameter.Latest))!;
        var parent = (await anvil.Eth.GetBlockByNumberAsync(latest.Number - 1))!;
        var byHash = (await anvil.Eth.GetBlockByHashAsync(latest.Hash))!;

        Assert.Equal(parent.Hash, latest.ParentHash);
        Assert.Equal(latest, byHash with { TransactionHashes = latest.TransactionHashes });
        Assert.NotNull(latest.BaseFeePerGas);
        Assert.True(latest.GasLimit > 0);
        Assert.True(latest.Timestamp >= parent.Timestamp);
        Assert.Empty(latest.TransactionHashes);
        Assert.Equal(0UL, (await anvil.Eth.GetBlockByNumberAsync(BlockParameter.Earliest))!.Number);
    }

    [Fact]
    public async Task Pending_block_shows_the_queued_transaction_and_the_next_base_fee()
    {
        await anvil.SetAutomineAsync(false);
        try
        {
            var head = (await anvil.Eth.GetBlockByNumberAsync(BlockParameter.Latest))!;
            var hash = await anvil.Eth.SendTransactionAsync(new CallRequest { From = AnvilDevAccounts.Addresses[8], To = AnvilDevAccounts.Addresses[7], Value = 1 });

            var pending = (await anvil.Eth.GetPendingBlockAsync())!;

            Assert.Equal(head.Number + 1, pending.Number);
            Assert.Equal(head.Hash, pending.ParentHash);
            Assert.Equal([hash], pending.TransactionHashes);
            Assert.Equal(21_000UL, pending.GasUsed);
            Assert.NotNull(pending.BaseFeePerGas);
        }
        finally
        {
            await anvil.SetAutomineAsync(true);
            await anvil.MineAsync();
        }
    }

    [Fact]
    public async Task Block_by_number_refuses_the_pending_tag_and_names_the_method_that_reads_it()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => anvil.Eth.GetBlockByNumberAsync(BlockParameter.Pending));

        Assert.Contains(nameof(EthClient.GetPendingBlockAsync), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_beyond_the_head_is_null()
    {
        var head = await anvil.Eth.BlockNumberAsync();

        Assert.Null(await anvil.Eth.GetBlockByNumberAsync(head + 1000));
        Assert.Null(await anvil.Eth.GetBlockByHashAsync(Hash256.Parse("0x" + new string('1', 64))));
    }

    [Fact]
    public async Task Fee_queries_report_a_base_fee_and_tips()
    {
        await anvil.MineAsync(3);

        var gasPrice = await anvil.Eth.GasPriceAsync();
        var tip = await anvil.Eth.MaxPriorityFeePerGasAsync();
        var history = await anvil.Eth.FeeHistoryAsync(3, BlockParameter.Latest, [25, 75]);

        Assert.True(gasPrice > UInt256.Zero);
        Assert.True(tip > UInt256.Zero);
        Assert.Equal(4, history.BaseFeePerGas.Count);
        Assert.Equal(3, history.GasUsedRatio.Count);
        Assert.Equal(3, history.Reward!.Count);
        Assert.All(history.Reward, r => Assert.Equal(2, r.Count));
        Assert.Equal(await anvil.Eth.BlockNumberAsync() - 2, history.OldestBlock);
    }

    [Fact]
    public async Task Fee_history_refuses_percentiles_out_of_order()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => anvil.Eth.FeeHistoryAsync(1, BlockParameter.Latest, [75, 25]));
    }

    [Fact]
    public async Task Code_of_an_account_without_code_is_empty()
    {
        Assert.Empty(await anvil.Eth.GetCodeAsync(AnvilDevAccounts.Addresses[0]));
    }

    [Fact]
    public async Task Call_returns_the_output_of_executed_code()
    {
        // Init code that returns the 32-byte word 42: PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN.
        var call = new CallRequest { Data = Hex.Decode("602a60005260206000f3") };

        var output = await anvil.Eth.CallAsync(call);
        var gas = await anvil.Eth.EstimateGasAsync(call);

        Assert.Equal(EvmCode.Word(42), output);
        Assert.True(gas > 21_000);
    }

    [Fact]
    public async Task Unknown_transaction_has_neither_receipt_nor_body()
    {
        var hash = Hash256.Parse("0x" + new string('a', 64));

        Assert.Null(await anvil.Eth.GetTransactionReceiptAsync(hash));
        Assert.Null(await anvil.Eth.GetTransactionByHashAsync(hash));
    }

    [Fact]
    public async Task Waiting_for_a_receipt_that_never_comes_times_out()
    {
        var hash = Hash256.Parse("0x" + new string('b', 64));

        await Assert.ThrowsAsync<TimeoutException>(() =>
            anvil.Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_malformed_raw_transaction_is_rejected_with_a_json_rpc_error()
    {
        await Assert.ThrowsAsync<JsonRpcException>(() => anvil.Eth.SendRawTransactionAsync(new byte[] { 0x01, 0x02, 0x03 }));
    }
}
