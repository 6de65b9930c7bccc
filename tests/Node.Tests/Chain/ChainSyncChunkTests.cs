using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Node.Chain;
using Block = Photon.Protocol.StateChanges.Block;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// The 10,000-block bound of one chunk, against an endpoint that reports a far head (mining 25,000 blocks on Anvil
/// would take longer than a test should): the ranges asked of eth_getLogs and the batches returned.
/// </summary>
public sealed class ChainSyncChunkTests : IDisposable
{
    private static readonly Address Registry = new(Enumerable.Repeat((byte)1, 20).ToArray());
    private static readonly Address SecretRegistry = new(Enumerable.Repeat((byte)2, 20).ToArray());
    private static readonly Address Network = new(Enumerable.Repeat((byte)3, 20).ToArray());

    private readonly ScriptedHeadHandler _endpoint = new();
    private readonly HttpClient _http;
    private readonly JsonRpcClient _rpc;

    public ChainSyncChunkTests()
    {
        _http = new HttpClient(_endpoint);
        _rpc = new JsonRpcClient(_http, new Uri("http://scripted.invalid/"), new JsonRpcClientOptions { MaxAttempts = 1 });
    }

    [Fact]
    public async Task A_long_way_behind_is_read_in_chunks_of_ten_thousand_blocks_and_a_short_last_one()
    {
        _endpoint.Head = 25_000;
        var sync = new ChainSync(new EthClient(_rpc), Registry, SecretRegistry, confirmations: 0);
        var batches = new List<ChainBatch>();
        var last = 0UL;

        while (await sync.NextAsync(last, [Network], CancellationToken.None) is { } batch)
        {
            batches.Add(batch);
            last = batch.ToBlock;
        }

        Assert.Equal([(1UL, 10_000UL), (10_001UL, 20_000UL), (20_001UL, 25_000UL)], batches.Select(b => (b.FromBlock, b.ToBlock)));
        Assert.Equal([(1UL, 10_000UL, 3), (10_001UL, 20_000UL, 3), (20_001UL, 25_000UL, 3)], _endpoint.Ranges);
        Assert.All(batches, b => Assert.Equal([new Block(b.ToBlock)], b.Changes));
        ChainSyncTests.AssertContiguous(batches, 1, 25_000);
    }

    [Fact]
    public async Task A_chunk_ends_at_the_confirmed_head_when_that_is_nearer_than_ten_thousand_blocks()
    {
        _endpoint.Head = 30_000;
        var sync = new ChainSync(new EthClient(_rpc), Registry, SecretRegistry, confirmations: 5);

        var full = await sync.NextAsync(19_994, [Network], CancellationToken.None);
        var partial = await sync.NextAsync(29_990, [Network], CancellationToken.None);
        var exact = await sync.NextAsync(29_995 - ChainSync.MaxChunk, [Network], CancellationToken.None);
        var none = await sync.NextAsync(29_995, [Network], CancellationToken.None);

        Assert.Equal(10_000UL, ChainSync.MaxChunk);
        Assert.Equal((19_995UL, 29_994UL), (full!.FromBlock, full.ToBlock));
        Assert.Equal((29_991UL, 29_995UL), (partial!.FromBlock, partial.ToBlock));
        Assert.Equal((19_996UL, 29_995UL), (exact!.FromBlock, exact.ToBlock));
        Assert.Null(none);
        Assert.Equal(30_000UL, sync.LastHead);
    }

    public void Dispose()
    {
        _rpc.Dispose();
        _http.Dispose();
    }
}
