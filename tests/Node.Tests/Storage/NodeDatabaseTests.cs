using Microsoft.Data.Sqlite;
using Photon.Ethereum;
using Photon.Node.Chain;
using Photon.Node.Runtime;
using Photon.Node.Storage;
using Photon.Protocol.Events;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Tests.Storage;

public sealed class NodeDatabaseTests : IDisposable
{
    private static readonly Address Node = Address.Parse("0x00000000000000000000000000000000000000aa");
    private static readonly Address Token = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address TokenNetwork = Address.Parse("0x00000000000000000000000000000000000000b1");
    private readonly string _folder = Directory.CreateTempSubdirectory("photon-nodedb-").FullName;

    private string DatabasePath => Path.Combine(_folder, "node.db");

    [Fact]
    public async Task Reopened_database_returns_the_committed_state_changes_events_and_transactions_in_order()
    {
        CommittedBatch committed;
        using (var database = NodeDatabase.Open(DatabasePath))
        {
            committed = await database.CommitAsync(
            [
                new AppliedChange(new ContractReceiveTokenNetworkCreated(Token, TokenNetwork, 1), 0, [], []),
                new AppliedChange(new Block(7), 7, [new EventLockExpired(TokenNetwork, UInt256.One, Node, Hash256.Zero, new UInt256(3))], [("settle", "{\"x\":1}")]),
            ], CancellationToken.None);
        }

        using var reopened = NodeDatabase.Open(DatabasePath);
        var history = await reopened.LoadAsync(CancellationToken.None);
        Assert.Null(history.Snapshot);
        Assert.Equal([(1L, (StateChange)new ContractReceiveTokenNetworkCreated(Token, TokenNetwork, 1)), (2L, new Block(7))], history.Later);
        Assert.Equal(2, committed.LastStateChangeId);
        var stored = Assert.Single(await reopened.ReadEventsAsync(0, 10, CancellationToken.None));
        Assert.Equal(committed.EventIds[0], stored.Id);
        Assert.Equal(7UL, stored.Block);
        Assert.IsType<EventLockExpired>(stored.Event);
        var transaction = Assert.Single(await reopened.LoadUnfinishedAsync(CancellationToken.None));
        Assert.Equal(committed.Transactions[0], transaction);
        Assert.Equal(("settle", "{\"x\":1}", ChainTransactionStatus.Pending), (transaction.Kind, transaction.Request, transaction.Status));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_nothing_behind()
    {
        using var database = NodeDatabase.Open(DatabasePath);
        await database.CommitAsync([new AppliedChange(new Block(1), 1, [], [])], CancellationToken.None);

        // The second change cannot be encoded (a type the codec does not know), after the first was inserted.
        await Assert.ThrowsAnyAsync<Exception>(() => database.CommitAsync(
        [
            new AppliedChange(new Block(2), 2, [new EventLockExpired(TokenNetwork, UInt256.One, Node, Hash256.Zero, UInt256.One)], [("close", "{}")]),
            new AppliedChange(new UnknownChange(), 2, [], []),
        ], CancellationToken.None));

        var history = await database.LoadAsync(CancellationToken.None);
        Assert.Equal([(1L, (StateChange)new Block(1))], history.Later);
        Assert.Empty(await database.ReadEventsAsync(0, 10, CancellationToken.None));
        Assert.Empty(await database.LoadUnfinishedAsync(CancellationToken.None));
        var next = await database.CommitAsync([new AppliedChange(new Block(3), 3, [], [])], CancellationToken.None);
        Assert.Equal(2, next.LastStateChangeId);
    }

    [Fact]
    public async Task Loads_the_newest_snapshot_and_only_the_state_changes_after_it()
    {
        using var database = NodeDatabase.Open(DatabasePath);
        for (ulong block = 1; block <= 5; block++)
            await database.CommitAsync([new AppliedChange(new Block(block), block, [], [])], CancellationToken.None);
        var state = new NodeState(Node, 31337, 3);
        await database.WriteSnapshotAsync(1, new NodeState(Node, 31337, 1), CancellationToken.None);
        await database.WriteSnapshotAsync(2, new NodeState(Node, 31337, 2), CancellationToken.None);
        await database.WriteSnapshotAsync(3, state, CancellationToken.None);

        var history = await database.LoadAsync(CancellationToken.None);

        Assert.Equal(state, history.Snapshot);
        Assert.Equal(3, history.SnapshotId);
        Assert.Equal([4L, 5L], history.Later.Select(l => l.Id));
        Assert.Equal(5, history.LastStateChangeId);
        Assert.Equal(NodeDatabase.SnapshotsKept, Count("snapshots"));
    }

    [Fact]
    public async Task A_transaction_row_goes_from_pending_to_submitted_to_mined_and_never_back()
    {
        using var database = NodeDatabase.Open(DatabasePath);
        var first = await database.AddAsync("open_channel", "{}", CancellationToken.None);
        var second = await database.AddAsync("deposit", "{}", CancellationToken.None);
        var hash = Hash256.Parse("0x" + new string('1', 64));

        await database.MarkSubmittedAsync(first, hash, CancellationToken.None);
        var unfinished = await database.LoadUnfinishedAsync(CancellationToken.None);
        Assert.Equal([(first, ChainTransactionStatus.Submitted, (Hash256?)hash), (second, ChainTransactionStatus.Pending, null)], unfinished.Select(r => (r.Id, r.Status, r.Hash)));

        await database.MarkFinishedAsync(first, ChainTransactionStatus.Mined, null, CancellationToken.None);
        await database.MarkFinishedAsync(second, ChainTransactionStatus.Failed, "reverted: ChannelExists", CancellationToken.None);

        Assert.Empty(await database.LoadUnfinishedAsync(CancellationToken.None));
        Assert.Equal(ChainTransactionStatus.Mined, database.TransactionStatus(first));
        await Assert.ThrowsAsync<InvalidOperationException>(() => database.MarkSubmittedAsync(first, hash, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => database.MarkFinishedAsync(second, ChainTransactionStatus.Mined, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => database.MarkFinishedAsync(first, ChainTransactionStatus.Pending, null, CancellationToken.None));
    }

    [Fact]
    public void Refuses_a_database_of_another_node_or_chain()
    {
        using var database = NodeDatabase.Open(DatabasePath);
        database.EnsureIdentity(Node, 31337);
        database.EnsureIdentity(Node, 31337);

        Assert.Throws<DatabaseIdentityException>(() => database.EnsureIdentity(Node, 1));
        Assert.Throws<DatabaseIdentityException>(() => database.EnsureIdentity(TokenNetwork, 31337));
    }

    [Fact]
    public void Migrates_a_new_file_and_refuses_one_from_a_newer_version()
    {
        using (NodeDatabase.Open(DatabasePath))
        {
        }
        Assert.Equal(NodeDatabase.SchemaVersion, UserVersion());

        SetUserVersion(NodeDatabase.SchemaVersion + 1);
        var refusal = Assert.Throws<DatabaseIdentityException>(() => NodeDatabase.Open(DatabasePath));
        Assert.Contains("run a newer photon", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_its_journal_in_wal_mode()
    {
        using (NodeDatabase.Open(DatabasePath))
        {
        }
        Assert.Equal("wal", Pragma("journal_mode"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private string Pragma(string name)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return (string)command.ExecuteScalar()!;
    }

    private long UserVersion()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    private void SetUserVersion(int version)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }

    /// <summary>A state change the codec does not know, to make a commit fail after it started.</summary>
    private sealed record UnknownChange : StateChange;
}
