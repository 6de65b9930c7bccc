using System.Text;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>
/// Transactions sent with eth_sendTransaction from Anvil's unlocked dev accounts (no local signing
/// needed) against a hand-assembled contract that emits LOG2(calldata, Ping, caller) when called.
/// </summary>
public sealed class LogsAndReceiptsAnvilTests(LogsAndReceiptsAnvilTests.LoggerChain chain) : IClassFixture<LogsAndReceiptsAnvilTests.LoggerChain>
{
    private const ulong AnvilChainId = 31337;

    private static readonly Hash256 PingTopic = Keccak256.Hash(Encoding.ASCII.GetBytes("Ping(address,bytes)"));

    private EthClient Eth => chain.Anvil.Eth;

    [Fact]
    public async Task Deployment_receipt_names_the_contract_and_its_code_is_in_place()
    {
        var receipt = chain.Deployment;

        Assert.True(receipt.Succeeded);
        Assert.Equal(AnvilDevAccounts.Addresses[0], receipt.From);
        Assert.Null(receipt.To);
        Assert.Equal(chain.Contract, receipt.ContractAddress);
        Assert.Empty(receipt.Logs);
        Assert.True(receipt.GasUsed > 21_000);
        Assert.NotNull(receipt.EffectiveGasPrice);
        Assert.Equal(EvmCode.Log2Runtime(PingTopic), await Eth.GetCodeAsync(chain.Contract));
    }

    [Fact]
    public async Task Call_receipt_carries_the_emitted_log()
    {
        var (hash, receipt) = await PingAsync(sender: 1, "receipt check");

        Assert.True(receipt.Succeeded);
        Assert.Equal(hash, receipt.TransactionHash);
        Assert.Equal(chain.Contract, receipt.To);
        Assert.Null(receipt.ContractAddress);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(chain.Contract, log.Address);
        Assert.Equal([PingTopic, EvmCode.AddressTopic(AnvilDevAccounts.Addresses[1])], log.Topics);
        Assert.Equal("receipt check"u8.ToArray(), log.Data.ToArray());
        Assert.Equal(receipt.BlockNumber, log.BlockNumber);
        Assert.Equal(receipt.BlockHash, log.BlockHash);
        Assert.Equal(hash, log.TransactionHash);
        Assert.False(log.Removed);
    }

    [Fact]
    public async Task Transaction_by_hash_has_sender_recipient_input_and_block()
    {
        var (hash, receipt) = await PingAsync(sender: 2, "by hash");

        var tx = (await Eth.GetTransactionByHashAsync(hash))!;

        Assert.Equal(hash, tx.Hash);
        Assert.Equal(AnvilDevAccounts.Addresses[2], tx.From);
        Assert.Equal(chain.Contract, tx.To);
        Assert.Equal("by hash"u8.ToArray(), tx.Input.ToArray());
        Assert.Equal(receipt.BlockNumber, tx.BlockNumber);
        Assert.Equal(receipt.BlockHash, tx.BlockHash);
        Assert.Equal(AnvilChainId, tx.ChainId);
        Assert.Equal(UInt256.Zero, tx.Value);
        Assert.Equal(2, tx.Type);
        Assert.Contains(hash, (await Eth.GetBlockByNumberAsync(receipt.BlockNumber))!.TransactionHashes);
    }

    [Fact]
    public async Task Logs_are_filtered_by_address_and_by_topics_with_wildcards_and_alternatives()
    {
        var (_, r3) = await PingAsync(sender: 3, "three");
        var (_, r4) = await PingAsync(sender: 4, "four");
        var (_, r5) = await PingAsync(sender: 5, "five");
        var range = new LogFilter { FromBlock = r3.BlockNumber, ToBlock = r5.BlockNumber };
        var sender = (int i) => (IReadOnlyList<Hash256>)[EvmCode.AddressTopic(AnvilDevAccounts.Addresses[i])];

        var byAddress = await Eth.GetLogsAsync(range with { Addresses = [chain.Contract] });
        var byOtherAddress = await Eth.GetLogsAsync(range with { Addresses = [AnvilDevAccounts.Addresses[0]] });
        var bySender4 = await Eth.GetLogsAsync(range with { Topics = [[PingTopic], sender(4)] });
        var bySender4Wildcard = await Eth.GetLogsAsync(range with { Topics = [null, sender(4)] });
        var by3or5 = await Eth.GetLogsAsync(range with
        {
            Topics = [null, [EvmCode.AddressTopic(AnvilDevAccounts.Addresses[3]), EvmCode.AddressTopic(AnvilDevAccounts.Addresses[5])]],
        });
        var byOtherEvent = await Eth.GetLogsAsync(range with { Topics = [[Hash256.Zero]] });
        var byBlockHash = await Eth.GetLogsAsync(new LogFilter { BlockHash = r4.BlockHash, Addresses = [chain.Contract, AnvilDevAccounts.Addresses[0]] });

        Assert.Equal(["three", "four", "five"], byAddress.Select(l => Encoding.UTF8.GetString(l.Data.Span)));
        Assert.Equal([r3.BlockNumber, r4.BlockNumber, r5.BlockNumber], byAddress.Select(l => l.BlockNumber));
        Assert.Empty(byOtherAddress);
        Assert.Equal("four", Encoding.UTF8.GetString(Assert.Single(bySender4).Data.Span));
        Assert.Equal(bySender4, bySender4Wildcard);
        Assert.Equal(["three", "five"], by3or5.Select(l => Encoding.UTF8.GetString(l.Data.Span)));
        Assert.Empty(byOtherEvent);
        Assert.Equal(r4.TransactionHash, Assert.Single(byBlockHash).TransactionHash);
    }

    [Fact]
    public async Task The_same_log_read_twice_and_from_the_receipt_is_one_value()
    {
        var (hash, receipt) = await PingAsync(sender: 8, "dedupe");
        var filter = new LogFilter { BlockHash = receipt.BlockHash, Addresses = [chain.Contract] };

        var first = await Eth.GetLogsAsync(filter);
        var second = await Eth.GetLogsAsync(filter);
        var again = await Eth.GetTransactionReceiptAsync(hash);

        Assert.Equal(receipt.Logs, first);
        Assert.Equal(first, second);
        Assert.Equal(receipt, again);
        Assert.Single(first.Concat(second).Concat(receipt.Logs).ToHashSet());
    }

    [Fact]
    public async Task Waiting_for_a_receipt_returns_once_the_transaction_is_mined()
    {
        await chain.Anvil.SetAutomineAsync(false);
        try
        {
            var sender = AnvilDevAccounts.Addresses[6];
            var latestNonce = await Eth.GetTransactionCountAsync(sender, BlockParameter.Latest);
            var hash = await Eth.SendTransactionAsync(new CallRequest { From = sender, To = chain.Contract, Data = "queued"u8.ToArray() });

            Assert.Null(await Eth.GetTransactionReceiptAsync(hash));
            Assert.Equal(latestNonce + 1, await Eth.GetTransactionCountAsync(sender, BlockParameter.Pending));
            Assert.Null((await Eth.GetTransactionByHashAsync(hash))!.BlockNumber);
            var waiting = Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60));
            await chain.Anvil.MineAsync();

            var receipt = await waiting;
            Assert.True(receipt.Succeeded);
            Assert.Equal(hash, receipt.TransactionHash);
        }
        finally
        {
            await chain.Anvil.SetAutomineAsync(true);
        }
    }

    [Fact]
    public async Task Reverted_transaction_has_a_failed_receipt()
    {
        // A fixed gas limit skips estimation, which would refuse the reverting creation.
        var hash = await Eth.SendTransactionAsync(new CallRequest
        {
            From = AnvilDevAccounts.Addresses[7],
            Data = EvmCode.RevertingInitCode(EvmCode.ErrorPayload("nope")),
            Gas = 100_000,
        });

        var receipt = await Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60));

        Assert.False(receipt.Succeeded);
        Assert.Empty(receipt.Logs);
    }

    private async Task<(Hash256 Hash, TransactionReceipt Receipt)> PingAsync(int sender, string data)
    {
        var hash = await Eth.SendTransactionAsync(new CallRequest
        {
            From = AnvilDevAccounts.Addresses[sender],
            To = chain.Contract,
            Data = Encoding.UTF8.GetBytes(data),
        });
        return (hash, await Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60)));
    }

    /// <summary>An Anvil with the logger contract deployed once for the class.</summary>
    public sealed class LoggerChain : IAsyncLifetime
    {
        public AnvilFixture Anvil { get; } = new();

        public Address Contract { get; private set; }

        public TransactionReceipt Deployment { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Anvil).InitializeAsync();
            var hash = await Anvil.Eth.SendTransactionAsync(new CallRequest
            {
                From = AnvilDevAccounts.Addresses[0],
                Data = EvmCode.DeployingInitCode(EvmCode.Log2Runtime(PingTopic)),
            });
            Deployment = await Anvil.Eth.WaitForReceiptAsync(hash, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60));
            Contract = Deployment.ContractAddress ?? throw new InvalidOperationException("the deployment created no contract");
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Anvil).DisposeAsync();
    }
}
