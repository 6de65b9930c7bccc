using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Node.Chain;
using Photon.Node.Routing;
using Photon.Protocol.Events;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Tests.Chain;

/// <summary>Chain sync against real transactions on Anvil: mapping, order, confirmations, new networks.</summary>
[Collection(ChainCollection.Name)]
public sealed class ChainSyncTests(ChainFixture fixture)
{
    [Fact]
    public async Task Every_contract_event_of_a_channel_s_life_becomes_its_state_change_in_chain_order()
    {
        var story = await ChannelStory.RunAsync(fixture);
        var head = await fixture.HeadAsync();
        var sync = fixture.NewSync(confirmations: 0);

        // Only the main network is known: the story's new network must be found through its TokenNetworkCreated.
        var batches = await ChainFixture.SyncAllAsync(sync, story.StartBlock, [fixture.Network]);

        AssertContiguous(batches, story.StartBlock + 1, head);
        var changes = batches.SelectMany(b => b.Changes).ToList();
        Assert.Equal(story.Expected, changes.Where(story.Owns));
        var receiveTypes = typeof(StateChange).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StateChange)) && t.Name.StartsWith("ContractReceive", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(11, receiveTypes.Count);
        Assert.All(receiveTypes, t => Assert.Contains(story.Expected, c => c.GetType() == t));
        // A batch's events are exactly those behind its state changes (the runtime applies the changes, the graph the events).
        Assert.All(batches, b => Assert.Equal(b.Changes.SkipLast(1), b.Events.Select(ChainLogMapper.ToStateChange).OfType<StateChange>()));
    }

    [Fact]
    public async Task A_network_neither_known_nor_created_in_the_range_is_not_read()
    {
        var (token, network) = await fixture.CreateNetworkAsync();
        var after = await fixture.HeadAsync();
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        await a.Actions.OpenChannelAsync(network, token, b.Address, ChainFixture.SettleTimeout, UInt256.Zero, CancellationToken.None);
        var opened = await a.LastBlockAsync();

        var unknown = await ChainFixture.SyncAllAsync(fixture.NewSync(), after, [fixture.Network]);
        var known = await ChainFixture.SyncAllAsync(fixture.NewSync(), after, [fixture.Network, network]);

        Assert.DoesNotContain(unknown.SelectMany(x => x.Changes), c => c is ContractReceiveChannelOpened o && o.TokenNetwork == network);
        Assert.DoesNotContain(unknown.SelectMany(x => x.Events), e => e.Contract == network);
        Assert.Contains(known.SelectMany(x => x.Changes), c => c is ContractReceiveChannelOpened o && o.TokenNetwork == network && o.BlockNumber == opened);
    }

    [Fact]
    public async Task A_network_created_inside_a_chunk_is_read_for_that_chunk()
    {
        var before = await fixture.HeadAsync();
        var (token, network) = await fixture.CreateNetworkAsync();
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        await a.Actions.OpenChannelAsync(network, token, b.Address, ChainFixture.SettleTimeout, UInt256.Zero, CancellationToken.None);
        var first = await a.LastBlockAsync();
        var sync = fixture.NewSync();

        var batch = await sync.NextAsync(before, [fixture.Network], CancellationToken.None);

        Assert.NotNull(batch);
        Assert.Equal((before + 1, first), (batch.FromBlock, batch.ToBlock));
        var created = Assert.Single(batch.Changes.OfType<ContractReceiveTokenNetworkCreated>(), e => e.TokenNetwork == network);
        var opened = Assert.Single(batch.Changes.OfType<ContractReceiveChannelOpened>(), e => e.TokenNetwork == network);
        Assert.Equal((token, first, a.Address, b.Address), (created.Token, opened.BlockNumber, opened.Participant1, opened.Participant2));
        Assert.True(batch.Changes.ToList().IndexOf(created) < batch.Changes.ToList().IndexOf(opened));

        // The next chunk reads the network because the caller knows it now, and only then.
        var c = await fixture.NewPartyAsync();
        await a.Actions.OpenChannelAsync(network, token, c.Address, ChainFixture.SettleTimeout, UInt256.Zero, CancellationToken.None);
        var later = await a.LastBlockAsync();
        var withNetwork = await sync.NextAsync(batch.ToBlock, [fixture.Network, network], CancellationToken.None);
        var withoutNetwork = await fixture.NewSync().NextAsync(batch.ToBlock, [fixture.Network], CancellationToken.None);

        Assert.Equal(later, Assert.Single(withNetwork!.Changes.OfType<ContractReceiveChannelOpened>(), o => o.TokenNetwork == network).BlockNumber);
        Assert.DoesNotContain(withoutNetwork!.Changes, e => e is ContractReceiveChannelOpened o && o.TokenNetwork == network);
    }

    [Fact]
    public async Task Confirmation_depth_holds_back_the_newest_blocks()
    {
        var start = await fixture.HeadAsync();
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        await a.Actions.OpenChannelAsync(fixture.Network, fixture.Token, b.Address, ChainFixture.SettleTimeout, UInt256.Zero, CancellationToken.None);
        var opened = await a.LastBlockAsync();
        await fixture.MineToAsync(opened + 2);
        var sync = fixture.NewSync(confirmations: 3);

        var held = await ChainFixture.SyncAllAsync(sync, start, [fixture.Network]);

        // head = opened + 2, so with 3 confirmations the newest returned block is opened − 1.
        Assert.Equal(opened + 2, sync.LastHead);
        Assert.Equal(opened - 1, held[^1].ToBlock);
        Assert.DoesNotContain(held.SelectMany(x => x.Changes), c => c is ContractReceiveChannelOpened o && o.Participant1 == a.Address);
        Assert.Null(await sync.NextAsync(opened - 1, [fixture.Network], CancellationToken.None));

        await fixture.Anvil.MineAsync(1);
        var batch = await sync.NextAsync(opened - 1, [fixture.Network], CancellationToken.None);

        Assert.NotNull(batch);
        Assert.Equal((opened, opened), (batch.FromBlock, batch.ToBlock));
        Assert.Contains(batch.Changes, c => c is ContractReceiveChannelOpened o && o.Participant1 == a.Address);
        Assert.Equal(new Block(opened), batch.Changes[^1]);
    }

    [Fact]
    public async Task Nothing_is_returned_when_no_new_block_is_confirmed()
    {
        var head = await fixture.HeadAsync();

        Assert.Null(await fixture.NewSync().NextAsync(head, [fixture.Network], CancellationToken.None));
        Assert.Null(await fixture.NewSync().NextAsync(head + 10, [fixture.Network], CancellationToken.None));
        Assert.Null(await fixture.NewSync(confirmations: head + 1).NextAsync(0, [fixture.Network], CancellationToken.None));
        var one = await fixture.NewSync(confirmations: 1).NextAsync(head - 2, [fixture.Network], CancellationToken.None);
        Assert.Equal((head - 1, head - 1), (one!.FromBlock, one.ToBlock));
    }

    [Fact]
    public async Task The_network_graph_follows_opens_deposits_withdraws_closes_and_settles()
    {
        var story = await ChannelStory.RunAsync(fixture);
        var head = await fixture.HeadAsync();
        var sync = fixture.NewSync();
        var graph = new NetworkGraph();
        var from = story.StartBlock + 1;
        async Task ApplyThroughAsync(ulong to)
        {
            // As NodeHost rebuilds the graph at start: ranges of known networks, a network created in the range read too.
            foreach (var e in await sync.ReadRangeAsync(from, to, [fixture.Network], CancellationToken.None))
                graph.Apply(e);
            from = to + 1;
        }

        await ApplyThroughAsync(story.WithdrawnBlock);
        var ab = Assert.Single(graph.OpenChannels(fixture.Network), c => c.ChannelId == story.ChannelAB);
        Assert.Equal(
            (story.A, story.B, new UInt256(400), new UInt256(700), new UInt256(50), new UInt256(60), new UInt256(990), false),
            (ab.Participant1, ab.Participant2, ab.Deposit1, ab.Deposit2, ab.Withdrawn1, ab.Withdrawn2, ab.Capacity, ab.Closed));
        var inNew = Assert.Single(graph.OpenChannels(story.NewNetwork));
        Assert.Equal((story.NewNetworkChannel, story.A, story.B, UInt256.Zero), (inNew.ChannelId, inNew.Participant1, inNew.Participant2, inNew.Capacity));

        await ApplyThroughAsync(story.ClosedBlock);
        Assert.DoesNotContain(graph.OpenChannels(fixture.Network), c => c.ChannelId == story.ChannelAB);

        await ApplyThroughAsync(story.DepositedCDBlock);
        var cd = Assert.Single(graph.OpenChannels(fixture.Network), c => c.ChannelId == story.ChannelCD);
        Assert.Equal((story.C, story.D, new UInt256(100), new UInt256(50), new UInt256(150)), (cd.Participant1, cd.Participant2, cd.Deposit1, cd.Deposit2, cd.Capacity));

        await ApplyThroughAsync(head);
        Assert.DoesNotContain(graph.OpenChannels(fixture.Network), c => c.ChannelId == story.ChannelCD || c.ChannelId == story.ChannelAB);
        Assert.Single(graph.OpenChannels(story.NewNetwork));
    }

    [Fact]
    public async Task A_cooperatively_settled_channel_leaves_the_graph_and_the_pair_s_next_channel_is_followed()
    {
        var a = await fixture.NewPartyAsync();
        var b = await fixture.NewPartyAsync();
        var start = await fixture.HeadAsync();
        await a.Actions.OpenChannelAsync(fixture.Network, fixture.Token, b.Address, ChainFixture.SettleTimeout, new UInt256(30), CancellationToken.None);
        var channel = await fixture.NetworkReader.GetChannelIdentifierAsync(a.Address, b.Address);
        var settle = new CooperativeSettleProof(channel, a.Address, new UInt256(10), b.Address, new UInt256(20));
        await a.MustLandAsync(new ContractSendCooperativeSettle(
            fixture.Network, channel, a.Address, new UInt256(10), b.Address, new UInt256(20), a.Sign(settle), b.Sign(settle)));
        await b.Actions.OpenChannelAsync(fixture.Network, fixture.Token, a.Address, ChainFixture.SettleTimeout, new UInt256(5), CancellationToken.None);
        var reopened = await fixture.NetworkReader.GetChannelIdentifierAsync(a.Address, b.Address);
        var graph = new NetworkGraph();

        foreach (var e in await fixture.NewSync().ReadRangeAsync(start + 1, await fixture.HeadAsync(), [fixture.Network], CancellationToken.None))
            graph.Apply(e);

        Assert.DoesNotContain(graph.OpenChannels(fixture.Network), c => c.ChannelId == channel);
        var now = Assert.Single(graph.OpenChannels(fixture.Network), c => c.ChannelId == reopened);
        Assert.Equal((b.Address, a.Address, new UInt256(5), UInt256.Zero), (now.Participant1, now.Participant2, now.Deposit1, now.Deposit2));
    }

    internal static void AssertContiguous(IReadOnlyList<ChainBatch> batches, ulong from, ulong to)
    {
        Assert.NotEmpty(batches);
        Assert.Equal(from, batches[0].FromBlock);
        Assert.Equal(to, batches[^1].ToBlock);
        for (var i = 0; i < batches.Count; i++)
        {
            Assert.True(batches[i].ToBlock - batches[i].FromBlock < ChainSync.MaxChunk);
            Assert.Equal(new Block(batches[i].ToBlock), batches[i].Changes[^1]);
            Assert.Single(batches[i].Changes.OfType<Block>());
            if (i > 0)
                Assert.Equal(batches[i - 1].ToBlock + 1, batches[i].FromBlock);
            var blocks = batches[i].Changes.SkipLast(1).Select(BlockOf).ToList();
            Assert.Equal(blocks.Order(), blocks);
            Assert.All(blocks, n => Assert.InRange(n, batches[i].FromBlock, batches[i].ToBlock));
        }
    }

    private static ulong BlockOf(StateChange change) =>
        (ulong)(change.GetType().GetProperty("BlockNumber")?.GetValue(change) ?? throw new InvalidOperationException($"{change} has no block number"));
}
