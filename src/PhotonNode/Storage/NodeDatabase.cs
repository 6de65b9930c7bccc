using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Photon.Ethereum;
using Photon.Node.Application;
using Photon.Node.Chain;
using Photon.Node.Runtime;
using Photon.Protocol.Events;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Storage;

/// <summary>
/// The node's SQLite database (docs/node.md "Storage"): WAL journal, <c>synchronous=FULL</c> by default,
/// numbered migrations. It is the runtime's write-ahead log, the chain transaction journal and the event
/// history. One connection, used by one caller at a time.
/// </summary>
public sealed class NodeDatabase : INodeJournal, IChainTransactionJournal, IEventHistory, IDisposable
{
    /// <summary>Snapshots kept: the newest and one before it, in case the newest cannot be read.</summary>
    public const int SnapshotsKept = 2;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE state_changes (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
        CREATE TABLE events (id INTEGER PRIMARY KEY, state_change_id INTEGER NOT NULL, kind TEXT NOT NULL, block INTEGER NOT NULL, data TEXT NOT NULL);
        CREATE INDEX events_by_kind ON events (kind, id);
        CREATE TABLE snapshots (state_change_id INTEGER PRIMARY KEY, data TEXT NOT NULL);
        CREATE TABLE chain_transactions (
            id INTEGER PRIMARY KEY, state_change_id INTEGER, kind TEXT NOT NULL, request TEXT NOT NULL,
            status TEXT NOT NULL, hash TEXT, error TEXT);
        CREATE INDEX chain_transactions_unfinished ON chain_transactions (status) WHERE status IN ('pending', 'submitted');
        """,
    ];

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private NodeDatabase(SqliteConnection connection) => _connection = connection;

    /// <summary>The schema version this code writes.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <exception cref="DatabaseIdentityException">The file has a newer schema than this code knows.</exception>
    public static NodeDatabase Open(string path, bool synchronousFull = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var database = new NodeDatabase(connection);
        try
        {
            database.Execute("PRAGMA journal_mode=WAL;");
            database.Execute(synchronousFull ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            database.Migrate();
        }
        catch
        {
            database.Dispose();
            throw;
        }
        return database;
    }

    /// <summary>
    /// Binds the database to one node and chain on first use and refuses any other afterwards: a state is only
    /// meaningful for the key and chain it was built with.
    /// </summary>
    /// <exception cref="DatabaseIdentityException">The database was made for another address or chain.</exception>
    public void EnsureIdentity(Address address, ulong chainId)
    {
        Expect("address", address.ToString());
        Expect("chain_id", chainId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public string? GetMeta(string key)
    {
        using var command = Command("SELECT value FROM meta WHERE key = $key", null);
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public void SetMeta(string key, string value)
    {
        using var command = Command("INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", null);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    public async Task<CommittedBatch> CommitAsync(IReadOnlyList<AppliedChange> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var insertChange = Command("INSERT INTO state_changes (kind, data) VALUES ($kind, $data) RETURNING id", transaction);
            var changeKind = insertChange.Parameters.Add("$kind", SqliteType.Text);
            var changeData = insertChange.Parameters.Add("$data", SqliteType.Text);
            using var insertEvent = Command("INSERT INTO events (state_change_id, kind, block, data) VALUES ($change, $kind, $block, $data) RETURNING id", transaction);
            var eventChange = insertEvent.Parameters.Add("$change", SqliteType.Integer);
            var eventKind = insertEvent.Parameters.Add("$kind", SqliteType.Text);
            var eventBlock = insertEvent.Parameters.Add("$block", SqliteType.Integer);
            var eventData = insertEvent.Parameters.Add("$data", SqliteType.Text);
            using var insertTransaction = Command("INSERT INTO chain_transactions (state_change_id, kind, request, status) VALUES ($change, $kind, $request, 'pending') RETURNING id", transaction);
            var transactionChange = insertTransaction.Parameters.Add("$change", SqliteType.Integer);
            var transactionKind = insertTransaction.Parameters.Add("$kind", SqliteType.Text);
            var transactionRequest = insertTransaction.Parameters.Add("$request", SqliteType.Text);

            long lastChange = 0;
            var eventIds = new List<long>();
            var transactions = new List<ChainTransactionRecord>();
            foreach (var applied in batch)
            {
                changeKind.Value = applied.Change.GetType().Name;
                changeData.Value = ProtocolJson.Encode(applied.Change);
                lastChange = (long)insertChange.ExecuteScalar()!;
                foreach (var @event in applied.Events)
                {
                    eventChange.Value = lastChange;
                    eventKind.Value = @event.GetType().Name;
                    eventBlock.Value = checked((long)applied.Block);
                    eventData.Value = ProtocolJson.Encode(@event);
                    eventIds.Add((long)insertEvent.ExecuteScalar()!);
                }
                foreach (var (kind, request) in applied.Transactions)
                {
                    transactionChange.Value = lastChange;
                    transactionKind.Value = kind;
                    transactionRequest.Value = request;
                    transactions.Add(new ChainTransactionRecord((long)insertTransaction.ExecuteScalar()!, kind, request, ChainTransactionStatus.Pending, null, null));
                }
            }
            transaction.Commit();
            return new CommittedBatch(lastChange, eventIds, transactions);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task WriteSnapshotAsync(long stateChangeId, NodeState state, CancellationToken ct)
    {
        var data = ProtocolJson.Encode(state);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using (var insert = Command("INSERT OR REPLACE INTO snapshots (state_change_id, data) VALUES ($id, $data)", transaction))
            {
                insert.Parameters.AddWithValue("$id", stateChangeId);
                insert.Parameters.AddWithValue("$data", data);
                insert.ExecuteNonQuery();
            }
            using (var prune = Command($"DELETE FROM snapshots WHERE state_change_id NOT IN (SELECT state_change_id FROM snapshots ORDER BY state_change_id DESC LIMIT {SnapshotsKept})", transaction))
                prune.ExecuteNonQuery();
            transaction.Commit();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The newest snapshot and the state changes after it, for the caller to replay.</summary>
    public async Task<StoredHistory> LoadAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            NodeState? snapshot = null;
            long snapshotId = 0;
            using (var read = Command("SELECT state_change_id, data FROM snapshots ORDER BY state_change_id DESC LIMIT 1", null))
            using (var reader = read.ExecuteReader())
            {
                if (reader.Read())
                {
                    snapshotId = reader.GetInt64(0);
                    snapshot = ProtocolJson.Decode<NodeState>(reader.GetString(1));
                }
            }
            var later = new List<(long, StateChange)>();
            using (var read = Command("SELECT id, data FROM state_changes WHERE id > $after ORDER BY id", null))
            {
                read.Parameters.AddWithValue("$after", snapshotId);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                    later.Add((reader.GetInt64(0), ProtocolJson.Decode<StateChange>(reader.GetString(1))));
            }
            return new StoredHistory(snapshot, snapshotId, later);
        }
        finally
        {
            _lock.Release();
        }
    }

    public async IAsyncEnumerable<DispatchedEvent> ReadFromAsync(long fromId, [EnumeratorCancellation] CancellationToken ct)
    {
        const int Page = 500;
        var next = fromId;
        while (true)
        {
            var page = await ReadEventsAsync(next, Page, ct).ConfigureAwait(false);
            foreach (var stored in page)
                yield return stored;
            if (page.Count < Page)
                yield break;
            next = page[^1].Id + 1;
        }
    }

    /// <summary>Up to <paramref name="limit"/> committed events with an id ≥ <paramref name="fromId"/>, in id order.</summary>
    public async Task<IReadOnlyList<DispatchedEvent>> ReadEventsAsync(long fromId, int limit, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var read = Command("SELECT id, block, data FROM events WHERE id >= $from ORDER BY id LIMIT $limit", null);
            read.Parameters.AddWithValue("$from", fromId);
            read.Parameters.AddWithValue("$limit", limit);
            using var reader = read.ExecuteReader();
            var events = new List<DispatchedEvent>();
            while (reader.Read())
                events.Add(new DispatchedEvent(reader.GetInt64(0), ProtocolJson.Decode<Event>(reader.GetString(2)), (ulong)reader.GetInt64(1)));
            return events;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Every stored state change of <paramref name="kind"/> (a type name), oldest first: a scan for rare lookups.</summary>
    public async IAsyncEnumerable<StateChange> ReadStateChangesAsync(string kind, [EnumeratorCancellation] CancellationToken ct)
    {
        const int Page = 500;
        long after = 0;
        while (true)
        {
            var page = new List<(long Id, StateChange Change)>();
            await _lock.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                using var read = Command("SELECT id, data FROM state_changes WHERE kind = $kind AND id > $after ORDER BY id LIMIT $limit", null);
                read.Parameters.AddWithValue("$kind", kind);
                read.Parameters.AddWithValue("$after", after);
                read.Parameters.AddWithValue("$limit", Page);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                    page.Add((reader.GetInt64(0), ProtocolJson.Decode<StateChange>(reader.GetString(1))));
            }
            finally
            {
                _lock.Release();
            }
            foreach (var (_, change) in page)
                yield return change;
            if (page.Count < Page)
                yield break;
            after = page[^1].Id;
        }
    }

    public async Task<long> AddAsync(string kind, string request, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var insert = Command("INSERT INTO chain_transactions (kind, request, status) VALUES ($kind, $request, 'pending') RETURNING id", null);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$request", request);
            return (long)insert.ExecuteScalar()!;
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task MarkSubmittedAsync(long id, Hash256 hash, CancellationToken ct) =>
        UpdateTransactionAsync(id, "UPDATE chain_transactions SET status = 'submitted', hash = $value WHERE id = $id AND status IN ('pending', 'submitted')", hash.ToString(), ct);

    public Task MarkFinishedAsync(long id, ChainTransactionStatus status, string? error, CancellationToken ct)
    {
        if (status is not (ChainTransactionStatus.Mined or ChainTransactionStatus.Failed))
            throw new ArgumentException($"a transaction finishes as Mined or Failed, not {status}", nameof(status));
        var name = status == ChainTransactionStatus.Mined ? "mined" : "failed";
        return UpdateTransactionAsync(id, $"UPDATE chain_transactions SET status = '{name}', error = $value WHERE id = $id AND status IN ('pending', 'submitted')", error, ct);
    }

    public async Task<IReadOnlyList<ChainTransactionRecord>> LoadUnfinishedAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var read = Command("SELECT id, kind, request, status, hash, error FROM chain_transactions WHERE status IN ('pending', 'submitted') ORDER BY id", null);
            using var reader = read.ExecuteReader();
            var rows = new List<ChainTransactionRecord>();
            while (reader.Read())
            {
                rows.Add(new ChainTransactionRecord(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3) == "submitted" ? ChainTransactionStatus.Submitted : ChainTransactionStatus.Pending,
                    reader.IsDBNull(4) ? null : Hash256.Parse(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
            return rows;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The status of row <paramref name="id"/>, or null when there is none (for tests and diagnostics).</summary>
    public ChainTransactionStatus? TransactionStatus(long id)
    {
        using var read = Command("SELECT status FROM chain_transactions WHERE id = $id", null);
        read.Parameters.AddWithValue("$id", id);
        return read.ExecuteScalar() switch
        {
            "pending" => ChainTransactionStatus.Pending,
            "submitted" => ChainTransactionStatus.Submitted,
            "mined" => ChainTransactionStatus.Mined,
            "failed" => ChainTransactionStatus.Failed,
            _ => null,
        };
    }

    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
    }

    private async Task UpdateTransactionAsync(long id, string sql, string? value, CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var update = Command(sql, null);
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
            if (update.ExecuteNonQuery() != 1)
                throw new InvalidOperationException($"chain transaction {id} does not exist or is already finished");
        }
        finally
        {
            _lock.Release();
        }
    }

    private void Expect(string key, string value)
    {
        var stored = GetMeta(key);
        if (stored is null)
            SetMeta(key, value);
        else if (stored != value)
            throw new DatabaseIdentityException($"this database belongs to {key} {stored}, not {value}");
    }

    private void Migrate()
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
            throw new DatabaseIdentityException($"the node database has schema version {version}; this software knows up to {Migrations.Length}: run a newer photon");
        for (var next = version; next < Migrations.Length; next++)
        {
            using var transaction = _connection.BeginTransaction();
            using (var migrate = Command(Migrations[next], transaction))
                migrate.ExecuteNonQuery();
            using (var bump = Command($"PRAGMA user_version = {next + 1};", transaction))
                bump.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private void Execute(string sql)
    {
        using var command = Command(sql, null);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql, null);
        return command.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
