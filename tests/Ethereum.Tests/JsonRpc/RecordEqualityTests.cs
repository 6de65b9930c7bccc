using Photon.Ethereum.JsonRpc;

namespace Photon.Ethereum.Tests.JsonRpc;

/// <summary>The result records compare by content (chain sync deduplicates logs) and cannot change after they are made.</summary>
public sealed class RecordEqualityTests
{
    private static readonly Address Contract = Address.Parse("0x00000000000000000000000000000000000000c1");
    private static readonly Hash256 H1 = Hash256.Parse("0x" + new string('1', 64));
    private static readonly Hash256 H2 = Hash256.Parse("0x" + new string('2', 64));

    [Fact]
    public void Logs_with_equal_contents_in_distinct_lists_are_equal_and_deduplicate()
    {
        var a = NewLog([H1, H2], [1, 2, 3]);
        var b = NewLog([H1, H2], [1, 2, 3]);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<Log> { a, b });
    }

    [Fact]
    public void Logs_differing_in_a_topic_or_a_data_byte_are_not_equal()
    {
        var log = NewLog([H1, H2], [1, 2, 3]);

        Assert.NotEqual(log, NewLog([H1, H1], [1, 2, 3]));
        Assert.NotEqual(log, NewLog([H1], [1, 2, 3]));
        Assert.NotEqual(log, NewLog([H1, H2], [1, 2, 4]));
        Assert.NotEqual(log, log with { LogIndex = 8 });
        Assert.NotEqual(log, log with { Removed = true });
    }

    [Fact]
    public void Log_keeps_its_own_copies_of_topics_and_data()
    {
        var topics = new List<Hash256> { H1 };
        var data = new byte[] { 1, 2, 3 };
        var log = NewLog(topics, data);
        var copy = NewLog([H1], [1, 2, 3]);

        topics.Add(H2);
        data[0] = 9;

        Assert.Equal([H1], log.Topics);
        Assert.Equal([1, 2, 3], log.Data.ToArray());
        Assert.Equal(copy, log);
        Assert.Throws<NotSupportedException>(() => ((IList<Hash256>)log.Topics).Add(H2));
    }

    [Fact]
    public void With_expressions_copy_too()
    {
        var data = new byte[] { 5 };
        var log = NewLog([H1], [1]) with { Data = data, Topics = new List<Hash256> { H2 } };

        data[0] = 6;

        Assert.Equal([5], log.Data.ToArray());
        Assert.Equal(NewLog([H2], [5]), log);
    }

    [Fact]
    public void Blocks_compare_by_their_transaction_hashes()
    {
        var a = NewBlock([H1, H2]);

        Assert.Equal(a, NewBlock([H1, H2]));
        Assert.Equal(a.GetHashCode(), NewBlock([H1, H2]).GetHashCode());
        Assert.NotEqual(a, NewBlock([H2, H1]));
        Assert.NotEqual(a, a with { Miner = Contract });
    }

    [Fact]
    public void Pending_blocks_compare_by_content()
    {
        var a = new PendingBlock(5, H1, 7, 30_000_000, 21_000, 1_000_000_000, [H2]);

        Assert.Equal(a, new PendingBlock(5, H1, 7, 30_000_000, 21_000, 1_000_000_000, new List<Hash256> { H2 }));
        Assert.NotEqual(a, a with { TransactionHashes = [] });
    }

    [Fact]
    public void Receipts_compare_by_their_logs()
    {
        var a = NewReceipt([NewLog([H1], [1])]);
        var b = NewReceipt([NewLog([H1], [1])]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, NewReceipt([NewLog([H1], [2])]));
        Assert.NotEqual(a, NewReceipt([]));
    }

    [Fact]
    public void Transactions_compare_by_their_input()
    {
        var a = NewTransaction([1, 2]);

        Assert.Equal(a, NewTransaction([1, 2]));
        Assert.Equal(a.GetHashCode(), NewTransaction([1, 2]).GetHashCode());
        Assert.NotEqual(a, NewTransaction([1, 3]));
    }

    [Fact]
    public void Fee_histories_compare_by_every_list()
    {
        var a = NewFeeHistory([1, 2], [0.5], [[3, 4]]);

        Assert.Equal(a, NewFeeHistory([1, 2], [0.5], [[3, 4]]));
        Assert.Equal(a.GetHashCode(), NewFeeHistory([1, 2], [0.5], [[3, 4]]).GetHashCode());
        Assert.NotEqual(a, NewFeeHistory([1, 2], [0.5], [[3, 5]]));
        Assert.NotEqual(a, NewFeeHistory([1, 2], [0.5], null));
        Assert.NotEqual(a, NewFeeHistory([1, 2], [0.25], [[3, 4]]));
        Assert.Equal(NewFeeHistory([1], [0.5], null), NewFeeHistory([1], [0.5], null));
    }

    [Fact]
    public void Call_requests_compare_by_their_data()
    {
        var data = new byte[] { 0xde, 0xad };
        var a = new CallRequest { To = Contract, Data = data, Gas = 21_000 };

        data[0] = 0;

        Assert.Equal(a, new CallRequest { To = Contract, Data = new byte[] { 0xde, 0xad }, Gas = 21_000 });
        Assert.Equal(a.GetHashCode(), new CallRequest { To = Contract, Data = new byte[] { 0xde, 0xad }, Gas = 21_000 }.GetHashCode());
        Assert.NotEqual(a, a with { Data = new byte[] { 0xde } });
        Assert.NotEqual(a, a with { Gas = 21_001 });
    }

    private static Log NewLog(IReadOnlyList<Hash256> topics, byte[] data) =>
        new(Contract, topics, data, 10, H1, H2, 0, 3, false);

    private static Block NewBlock(IReadOnlyList<Hash256> transactions) =>
        new(10, H1, H2, 1_700_000_000, 30_000_000, 21_000, 7, Address.Zero, transactions);

    private static TransactionReceipt NewReceipt(IReadOnlyList<Log> logs) =>
        new(H1, 0, H2, 10, Contract, Contract, null, 21_000, 21_000, 7, true, 2, logs);

    private static RpcTransaction NewTransaction(byte[] input) =>
        new(H1, 2, 0, Contract, Contract, 0, 21_000, null, 7, 1, input, 1, H2, 10, 0);

    private static FeeHistory NewFeeHistory(ulong[] baseFees, double[] ratios, ulong[][]? reward) =>
        new(
            10,
            [.. baseFees.Select(f => (UInt256)f)],
            ratios,
            reward?.Select(r => (IReadOnlyList<UInt256>)[.. r.Select(t => (UInt256)t)]).ToList());
}
