using Photon.Contracts.Bindings;
using Photon.Contracts.Deployment;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;
using Photon.Node.Chain;
using Photon.Node.Storage;
using Photon.Protocol.Events;
using Photon.TestSupport;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// Journal rows (in the node's real database) carried out by <see cref="ChainTransactionRunner"/> against Anvil: mined,
/// failed with the reason, resumed by hash after a restart, resumed in order, waiting out an unreachable endpoint.
/// </summary>
[Collection(ChainCollection.Name)]
public sealed class ChainTransactionRunnerTests(ChainFixture fixture)
{
    [Fact]
    public async Task Every_kind_of_contract_send_lands_and_its_row_ends_mined()
    {
        var story = await ChannelStory.RunAsync(fixture);

        var sendKinds = typeof(Event).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Event)) && t.Name.StartsWith("ContractSend", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Order()
            .ToList();
        Assert.Equal(8, sendKinds.Count);
        Assert.Equal(sendKinds, story.Outcomes.Select(o => o.Kind).Distinct().Order());
        Assert.All(story.Outcomes, o =>
        {
            Assert.Equal(ChainTransactionStatus.Mined, o.Status);
            Assert.Null(o.Error);
            Assert.NotNull(o.Hash);
            Assert.Equal(o.Hash, o.Receipt!.TransactionHash);
        });
        Assert.Equal(ChannelState.Settled, (await fixture.NetworkReader.GetChannelInfoAsync(story.ChannelCD)).State);
        Assert.Equal(ChannelState.Settled, (await fixture.NetworkReader.GetChannelInfoAsync(story.ChannelAB)).State);
    }

    [Fact]
    public async Task A_call_refused_at_estimation_ends_failed_with_the_decoded_reason_and_sends_nothing()
    {
        var a = await fixture.NewPartyAsync();
        var nonce = await fixture.Eth.GetTransactionCountAsync(a.Address, BlockParameter.Pending);

        var outcome = await a.RunAsync(new ContractSendChannelClose(fixture.Network, new UInt256(999_999), AnvilFixture.DevAddresses[5], Hash256.Zero, 0, Hash256.Zero, null));

        Assert.Equal(ChainTransactionStatus.Failed, outcome.Status);
        Assert.Equal("refused at estimation: ChannelNotOpened(channelId: 999999)", outcome.Error);
        Assert.Equal(ChainTransactionStatus.Failed, a.Journal.Database.TransactionStatus(outcome.Id));
        Assert.Empty(a.Journal.Submissions);
        Assert.Empty(await a.Journal.LoadUnfinishedAsync(CancellationToken.None));
        Assert.Equal(nonce, await fixture.Eth.GetTransactionCountAsync(a.Address, BlockParameter.Pending));
    }

    [Fact]
    public async Task A_call_that_reverts_in_its_block_ends_failed_with_the_reason()
    {
        var (a, b, channel) = await OpenChannelAsync();
        await fixture.Anvil.SetAutomineAsync(false);
        try
        {
            // B's close passes estimation on the open channel; A's close then enters the pool with a far higher tip (and a
            // fixed gas limit, so nothing estimates it against B's), so the block takes A's first and B's reverts there.
            var row = await b.AddRowAsync(ZeroClose(channel, a.Address));
            b.Runner.Enqueue(row);
            await WaitUntilAsync(() => b.Journal.SubmissionsOf(row.Id).Count == 1 || b.Watch.HasFinished(row.Id));
            var (to, data) = ContractCalls.For(ZeroClose(channel, b.Address), fixture.Deployment.SecretRegistry)!.Value;
            var byA = await EagerSender(a).SubmitAsync(to, data, gasLimit: 500_000);
            await fixture.Anvil.MineAsync(1);
            var failed = await b.OutcomeOfAsync(row);
            var minedA = await fixture.Eth.GetTransactionReceiptAsync(byA);

            Assert.True(minedA is { Succeeded: true }, $"A's close did not succeed: {minedA}");
            Assert.Equal(ChainTransactionStatus.Failed, failed.Status);
            Assert.Equal(ChainTransactionStatus.Failed, b.Journal.Database.TransactionStatus(failed.Id));
            Assert.Equal(minedA.BlockNumber, failed.Receipt!.BlockNumber);
            Assert.False(failed.Receipt.Succeeded);
            Assert.Equal($"reverted: ChannelNotOpened(channelId: {channel})", failed.Error);
        }
        finally
        {
            await fixture.Anvil.SetAutomineAsync(true);
        }
    }

    [Fact]
    public async Task A_settle_that_loses_the_race_to_the_partners_settle_ends_quietly_and_the_runner_keeps_going()
    {
        var (a, b, channel) = await OpenChannelAsync();
        await a.MustLandAsync(ZeroClose(channel, b.Address));
        var info = await fixture.NetworkReader.GetChannelInfoAsync(channel);
        await fixture.MineToAsync((ulong)info.SettleBlockNumber + fixture.Deployment.Parameters.PunishWindow + 1);
        ChainTransactionRecord settleByB;
        await fixture.Anvil.SetAutomineAsync(false);
        try
        {
            // B's settle passes estimation on the closed channel; A's settle then enters the pool with a far higher tip
            // (and a fixed gas limit, so nothing estimates it against B's): the block takes A's first and B's reverts there.
            settleByB = await b.AddRowAsync(ZeroSettle(channel, b.Address, a.Address));
            b.Runner.Enqueue(settleByB);
            await WaitUntilAsync(() => b.Journal.SubmissionsOf(settleByB.Id).Count == 1 || b.Watch.HasFinished(settleByB.Id));
            var (to, data) = ContractCalls.For(ZeroSettle(channel, a.Address, b.Address), fixture.Deployment.SecretRegistry)!.Value;
            var byA = await EagerSender(a).SubmitAsync(to, data, gasLimit: 500_000);
            await fixture.Anvil.MineAsync(1);
            Assert.True(await fixture.Eth.GetTransactionReceiptAsync(byA) is { Succeeded: true }, "A's settle did not succeed");
        }
        finally
        {
            await fixture.Anvil.SetAutomineAsync(true);
        }
        var lost = await b.OutcomeOfAsync(settleByB);
        var secret = new Hash256(Keccak256.Hash([7, 8, 9]).ToArray());
        var next = await b.RunAsync(new ContractSendSecretRegister(secret, SecretHash.Of(secret)));

        Assert.Equal(ChainTransactionStatus.Failed, lost.Status);
        Assert.Equal("not needed: the channel was settled first by the partner", lost.Error);
        Assert.False(lost.Receipt!.Succeeded);
        Assert.Equal(ChainTransactionStatus.Failed, b.Journal.Database.TransactionStatus(settleByB.Id));
        Assert.Equal(ChainTransactionStatus.Mined, next.Status);
        Assert.Empty(await b.Journal.LoadUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_submitted_row_of_a_previous_runner_is_resumed_by_its_hash_and_not_sent_again()
    {
        var (a, b, channel) = await OpenChannelAsync();
        var nonce = await fixture.Eth.GetTransactionCountAsync(a.Address);
        ChainTransactionRecord row;
        ChainOutcome outcome;
        // Automine stays off until the new runner is waiting: turning it on would mine the pool at once.
        await fixture.Anvil.SetAutomineAsync(false);
        try
        {
            row = await a.AddRowAsync(ZeroClose(channel, b.Address));
            a.Runner.Enqueue(row);
            await WaitUntilAsync(() => a.Journal.SubmissionsOf(row.Id).Count == 1);
            await a.StopRunnerAsync();
            var left = Assert.Single(await a.Journal.LoadUnfinishedAsync(CancellationToken.None));
            Assert.Equal((row.Id, ChainTransactionStatus.Submitted, a.Journal.Submissions[^1].Hash), (left.Id, left.Status, left.Hash!.Value));
            Assert.Null(await fixture.Eth.GetTransactionReceiptAsync(left.Hash.Value));

            await a.RestartRunnerAsync();
            await fixture.Anvil.MineAsync(1);
            outcome = await a.OutcomeOfAsync(row);
            Assert.Equal(left.Hash, outcome.Hash);
        }
        finally
        {
            await fixture.Anvil.SetAutomineAsync(true);
        }

        Assert.Equal(ChainTransactionStatus.Mined, outcome.Status);
        Assert.Single(a.Journal.SubmissionsOf(row.Id));
        Assert.Equal(nonce + 1, await fixture.Eth.GetTransactionCountAsync(a.Address, BlockParameter.Pending));
        Assert.Equal(ChannelState.Closed, (await fixture.NetworkReader.GetChannelInfoAsync(channel)).State);
        Assert.Empty(await a.Journal.LoadUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Pending_rows_left_by_a_previous_run_are_sent_in_id_order()
    {
        // Withdraw-then-close only works in that order: the withdraw of a closed channel reverts.
        var (a, b, channel) = await OpenChannelAsync(deposit: 100);
        var expiration = await fixture.HeadAsync() + 100;
        var proof = new WithdrawProof(channel, a.Address, new UInt256(20), new UInt256(expiration));
        await a.StopRunnerAsync();
        var withdraw = await a.AddRowAsync(new ContractSendChannelWithdraw(fixture.Network, channel, a.Address, new UInt256(20), expiration, a.Sign(proof), b.Sign(proof)));
        var close = await a.AddRowAsync(ZeroClose(channel, b.Address));

        await a.RestartRunnerAsync();
        var first = await a.OutcomeOfAsync(withdraw);
        var second = await a.OutcomeOfAsync(close);

        Assert.Equal([withdraw.Id, close.Id], a.Watch.FinishedOrder.TakeLast(2));
        Assert.Equal((ChainTransactionStatus.Mined, ChainTransactionStatus.Mined), (first.Status, second.Status));
        Assert.True(first.Receipt!.BlockNumber < second.Receipt!.BlockNumber);
        Assert.Equal(new UInt256(20), (await fixture.NetworkReader.GetParticipantInfoAsync(channel, a.Address)).Withdrawn);
        Assert.Equal(ChannelState.Closed, (await fixture.NetworkReader.GetChannelInfoAsync(channel)).State);
        Assert.Empty(await a.Journal.LoadUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_while_waiting_for_the_receipt_waits_again_by_hash_and_sends_nothing_twice()
    {
        using var handler = new SwitchableHandler();
        using var http = new HttpClient(handler, disposeHandler: false);
        using var rpc = new JsonRpcClient(http, fixture.Anvil.Url, new JsonRpcClientOptions { MaxAttempts = 1 });
        var a = await fixture.NewPartyAsync(new EthClient(rpc));
        var b = await fixture.NewPartyAsync();
        await a.Actions.OpenChannelAsync(fixture.Network, fixture.Token, b.Address, ChainFixture.SettleTimeout, UInt256.Zero, CancellationToken.None);
        var channel = await fixture.NetworkReader.GetChannelIdentifierAsync(a.Address, b.Address);
        var nonce = await fixture.Eth.GetTransactionCountAsync(a.Address);
        ChainTransactionRecord row;
        await fixture.Anvil.SetAutomineAsync(false);
        try
        {
            row = await a.AddRowAsync(ZeroClose(channel, b.Address));
            a.Runner.Enqueue(row);
            await WaitUntilAsync(() => a.Journal.SubmissionsOf(row.Id).Count == 1);
            // The endpoint fails while the runner polls for the receipt; the transaction is mined meanwhile.
            handler.Down = true;
            await WaitUntilAsync(() => handler.FailedRequests > 0);
            await fixture.Anvil.MineAsync(1);
        }
        finally
        {
            handler.Down = false;
            await fixture.Anvil.SetAutomineAsync(true);
        }

        var outcome = await a.OutcomeOfAsync(row);
        await a.StopRunnerAsync();

        Assert.True(outcome.Status == ChainTransactionStatus.Mined, $"{outcome.Status}: {outcome.Error}");
        Assert.Single(a.Journal.SubmissionsOf(row.Id));
        Assert.Equal(nonce + 1, await fixture.Eth.GetTransactionCountAsync(a.Address, BlockParameter.Pending));
        Assert.Equal(ChannelState.Closed, (await fixture.NetworkReader.GetChannelInfoAsync(channel)).State);
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_ends_failed_and_the_rows_after_it_still_run()
    {
        var a = await fixture.NewPartyAsync(startRunner: false);
        var unreadable = await a.Journal.AddAsync(nameof(ContractSendChannelClose), """{"token_network":1}""", CancellationToken.None);
        var noCall = await a.Journal.AddAsync(nameof(EventLockExpired), ProtocolJson.Encode<Event>(new EventLockExpired(fixture.Network, new UInt256(7), a.Address, Hash256.Zero, new UInt256(1))), CancellationToken.None);
        var secret = new Hash256(Keccak256.Hash([1, 2, 3]).ToArray());
        var good = await a.AddRowAsync(new ContractSendSecretRegister(secret, SecretHash.Of(secret)));

        await a.RestartRunnerAsync();
        var (unreadableStatus, unreadableError) = await a.Watch.EndOfAsync(unreadable);
        var (noCallStatus, noCallError) = await a.Watch.EndOfAsync(noCall);
        var last = await a.OutcomeOfAsync(good);

        Assert.Equal(ChainTransactionStatus.Failed, unreadableStatus);
        Assert.StartsWith("the stored request cannot be read (ContractSendChannelClose)", unreadableError, StringComparison.Ordinal);
        Assert.Equal(ChainTransactionStatus.Failed, noCallStatus);
        Assert.Equal("the stored request is no contract call (EventLockExpired)", noCallError);
        Assert.Equal(ChainTransactionStatus.Mined, last.Status);
        Assert.Equal([good.Id], a.Journal.Submissions.Select(s => s.Id));
        Assert.Empty(await a.Journal.LoadUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_journal_that_cannot_be_written_faults_the_runners_completion_and_dispose_still_returns()
    {
        var a = await fixture.NewPartyAsync();
        var secret = new Hash256(Keccak256.Hash([10, 11, 12]).ToArray());
        var row = await a.AddRowAsync(new ContractSendSecretRegister(secret, SecretHash.Of(secret)));
        a.Journal.Database.Dispose();

        a.Runner.Enqueue(row);
        var fault = await Record.ExceptionAsync(() => a.Runner.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        await a.StopRunnerAsync();

        Assert.IsType<ObjectDisposedException>(fault);
        Assert.False(a.Watch.HasFinished(row.Id));
    }

    [Fact]
    public async Task A_call_waits_out_an_unreachable_endpoint_and_lands_once_it_is_back()
    {
        await using var anvil = await AnvilFixture.StartAsync(new AnvilOptions
        {
            PersistState = true,
            RpcOptions = new JsonRpcClientOptions { RequestTimeout = TimeSpan.FromSeconds(5), MaxAttempts = 1 },
        });
        using var key = new PrivateKey(Hex.Decode(AnvilFixture.DevPrivateKeys[1]));
        var sender = new TransactionSender(anvil.Eth, key, anvil.ChainId, ChainFixture.SenderOptions);
        var deployment = await PhotonDeployer.DeployAsync(sender, DeploymentParameters.ForDevChain(anvil.ChainId));
        var directory = Path.Combine(Path.GetTempPath(), "photon-chain-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var database = NodeDatabase.Open(Path.Combine(directory, "node.db"));
            var watch = new RunnerWatch();
            var secret = new Hash256(Keccak256.Hash([4, 5, 6]).ToArray());
            var (kind, request) = ContractCalls.Describe(new ContractSendSecretRegister(secret, SecretHash.Of(secret)))!.Value;
            var id = await database.AddAsync(kind, request, CancellationToken.None);
            await anvil.StopAsync();

            await using (var runner = new ChainTransactionRunner(sender, database, deployment.SecretRegistry))
            {
                watch.Attach(runner);
                await runner.StartAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromSeconds(1));
                Assert.False(watch.HasFinished(id));
                Assert.Equal(ChainTransactionStatus.Pending, database.TransactionStatus(id));
                await anvil.RestartAsync();
                var (status, error) = await watch.EndOfAsync(id);

                Assert.True(status == ChainTransactionStatus.Mined, $"{status}: {error}");
            }
            Assert.NotEqual(UInt256.Zero, await new SecretRegistryContract(anvil.Eth, deployment.SecretRegistry).GetSecretRevealBlockHeightAsync(SecretHash.Of(secret)));
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(TestParty A, TestParty B, UInt256 Channel)> OpenChannelAsync(ulong deposit = 0)
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        await a.Actions.OpenChannelAsync(fixture.Network, fixture.Token, b.Address, ChainFixture.SettleTimeout, new UInt256(deposit), CancellationToken.None);
        return (a, b, await fixture.NetworkReader.GetChannelIdentifierAsync(a.Address, b.Address));
    }

    /// <summary>Sends as <paramref name="party"/> with a tip far above the runner's, so its call is mined first in a shared block.</summary>
    private TransactionSender EagerSender(TestParty party) =>
        new(fixture.Eth, party.Key, fixture.ChainId, ChainFixture.SenderOptions with
        {
            MaxPriorityFeePerGas = UInt256.Parse("100000000000"),
            MaxFeePerGas = UInt256.Parse("200000000000"),
        });

    /// <summary>A settle of a channel where neither side sent a balance proof (both balance hashes zero).</summary>
    private ContractSendChannelSettle ZeroSettle(UInt256 channel, Address participant1, Address participant2) =>
        new(fixture.Network, channel, participant1, UInt256.Zero, Hash256.Zero, participant2, UInt256.Zero, Hash256.Zero);

    private ContractSendChannelClose ZeroClose(UInt256 channel, Address partner) =>
        new(fixture.Network, channel, partner, Hash256.Zero, 0, Hash256.Zero, null);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(10, timeout.Token);
    }
}
