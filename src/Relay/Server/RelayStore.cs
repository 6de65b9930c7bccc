using Microsoft.Data.Sqlite;
using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>
/// The relay's durable state in one SQLite file (WAL): queued messages in one stream ordered by
/// position, the txnIds already stored (idempotent resends), access-token hashes and the public keys
/// learned at login. One connection, one writer at a time; every call that changes anything commits
/// before it returns, so an answered request survives a SIGKILL.
/// </summary>
/// <remarks>Invariant: <see cref="_usage"/> equals, per recipient, the count and byte sum of its rows.</remarks>
public sealed class RelayStore : IDisposable
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE messages (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            recipient BLOB NOT NULL,
            sender BLOB NOT NULL,
            body BLOB NOT NULL);
        CREATE INDEX messages_by_recipient ON messages (recipient, position);
        CREATE TABLE transactions (
            sender BLOB NOT NULL,
            txn_id TEXT NOT NULL,
            accepted INTEGER NOT NULL,
            created_ms INTEGER NOT NULL,
            PRIMARY KEY (sender, txn_id)) WITHOUT ROWID;
        CREATE INDEX transactions_by_age ON transactions (created_ms);
        CREATE TABLE tokens (
            token_hash BLOB PRIMARY KEY,
            address BLOB NOT NULL,
            created_ms INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE public_keys (
            address BLOB PRIMARY KEY,
            public_key BLOB NOT NULL) WITHOUT ROWID;
        """,
    ];

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<Address, QueueUsage> _usage = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _transactionMemory;
    private DateTimeOffset _nextPrune;

    private RelayStore(SqliteConnection connection, TimeProvider time, TimeSpan transactionMemory)
    {
        _connection = connection;
        _time = time;
        _transactionMemory = transactionMemory;
    }

    public static RelayStore Open(string path, bool synchronousFull, TimeProvider time, TimeSpan transactionMemory)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var store = new RelayStore(connection, time, transactionMemory);
        try
        {
            store.Execute("PRAGMA journal_mode=WAL;");
            store.Execute(synchronousFull ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            store.Migrate();
            store.LoadUsage();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>Messages waiting in all queues.</summary>
    public long QueuedMessages { get; private set; }

    /// <summary>
    /// Stores a sendToDevice request all-or-nothing. A txnId seen before from this sender stores nothing
    /// and answers as the first time did. Refuses (nothing stored) when a recipient's queue would pass its quota.
    /// </summary>
    /// <returns>How many messages the request holds, and whether they were stored now (false for a resend).</returns>
    public async Task<(int Accepted, bool Stored)> EnqueueAsync(Address sender, string txnId, IReadOnlyList<OutgoingMessage> messages, long quotaMessages, long quotaBytes, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using (var find = Command("SELECT accepted FROM transactions WHERE sender = $sender AND txn_id = $txn", transaction))
            {
                find.Parameters.AddWithValue("$sender", sender.ToArray());
                find.Parameters.AddWithValue("$txn", txnId);
                if (find.ExecuteScalar() is long accepted)
                    return ((int)accepted, false);
            }
            var added = new Dictionary<Address, QueueUsage>();
            foreach (var message in messages)
                added[message.To] = added.GetValueOrDefault(message.To).Add(1, message.Body.Length);
            foreach (var (recipient, more) in added)
            {
                var after = _usage.GetValueOrDefault(recipient).Add(more.Messages, more.Bytes);
                if (after.Messages > quotaMessages || after.Bytes > quotaBytes)
                    throw new RelayRequestException(429, "recipient_quota_exceeded", $"the queue of {recipient} is full ({quotaMessages} messages, {quotaBytes} bytes at most); retry once it has synced")
                    { RetryAfterSeconds = 5 };
            }
            using (var insert = Command("INSERT INTO messages (recipient, sender, body) VALUES ($recipient, $sender, $body)", transaction))
            {
                var recipientParameter = insert.Parameters.Add("$recipient", SqliteType.Blob);
                insert.Parameters.AddWithValue("$sender", sender.ToArray());
                var bodyParameter = insert.Parameters.Add("$body", SqliteType.Blob);
                insert.Prepare();
                foreach (var message in messages)
                {
                    recipientParameter.Value = message.To.ToArray();
                    bodyParameter.Value = message.Body;
                    insert.ExecuteNonQuery();
                }
            }
            var now = _time.GetUtcNow();
            using (var remember = Command("INSERT INTO transactions (sender, txn_id, accepted, created_ms) VALUES ($sender, $txn, $accepted, $now)", transaction))
            {
                remember.Parameters.AddWithValue("$sender", sender.ToArray());
                remember.Parameters.AddWithValue("$txn", txnId);
                remember.Parameters.AddWithValue("$accepted", messages.Count);
                remember.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                remember.ExecuteNonQuery();
            }
            if (now >= _nextPrune)
            {
                using var prune = Command("DELETE FROM transactions WHERE created_ms < $before", transaction);
                prune.Parameters.AddWithValue("$before", (now - _transactionMemory).ToUnixTimeMilliseconds());
                prune.ExecuteNonQuery();
                _nextPrune = now + TimeSpan.FromMinutes(10);
            }
            transaction.Commit();
            foreach (var (recipient, more) in added)
                _usage[recipient] = _usage.GetValueOrDefault(recipient).Add(more.Messages, more.Bytes);
            QueuedMessages += messages.Count;
            return (messages.Count, true);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Deletes <paramref name="recipient"/>'s messages at or below <paramref name="upTo"/>: the sync that names it proved they arrived.</summary>
    public async Task AcknowledgeAsync(Address recipient, long upTo, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_usage.GetValueOrDefault(recipient).Messages == 0)
                return;
            using var transaction = _connection.BeginTransaction();
            using var delete = Command("DELETE FROM messages WHERE recipient = $recipient AND position <= $upTo RETURNING length(body)", transaction);
            delete.Parameters.AddWithValue("$recipient", recipient.ToArray());
            delete.Parameters.AddWithValue("$upTo", upTo);
            long count = 0, bytes = 0;
            using (var reader = delete.ExecuteReader())
                while (reader.Read())
                {
                    count++;
                    bytes += reader.GetInt64(0);
                }
            if (count == 0)
                return;
            transaction.Commit();
            var left = _usage[recipient].Add(-count, -bytes);
            if (left.Messages == 0)
                _usage.Remove(recipient);
            else
                _usage[recipient] = left;
            QueuedMessages -= count;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Up to <paramref name="limit"/> of <paramref name="recipient"/>'s messages after position <paramref name="after"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredMessage>> ReadAsync(Address recipient, long after, int limit, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_usage.GetValueOrDefault(recipient).Messages == 0)
                return [];
            using var select = Command("SELECT position, sender, body FROM messages WHERE recipient = $recipient AND position > $after ORDER BY position LIMIT $limit", null);
            select.Parameters.AddWithValue("$recipient", recipient.ToArray());
            select.Parameters.AddWithValue("$after", after);
            select.Parameters.AddWithValue("$limit", limit);
            var messages = new List<StoredMessage>();
            using (var reader = select.ExecuteReader())
                while (reader.Read())
                    messages.Add(new StoredMessage(reader.GetInt64(0), new Address((byte[])reader[1]), (byte[])reader[2]));
            return messages;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task AddTokenAsync(byte[] tokenHash, Address address, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var insert = Command("INSERT INTO tokens (token_hash, address, created_ms) VALUES ($hash, $address, $now)", null);
            insert.Parameters.AddWithValue("$hash", tokenHash);
            insert.Parameters.AddWithValue("$address", address.ToArray());
            insert.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<Address?> FindTokenAsync(byte[] tokenHash, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var find = Command("SELECT address FROM tokens WHERE token_hash = $hash", null);
            find.Parameters.AddWithValue("$hash", tokenHash);
            return find.ExecuteScalar() is byte[] address ? new Address(address) : null;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task SavePublicKeyAsync(Address address, byte[] publicKey, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var upsert = Command("INSERT INTO public_keys (address, public_key) VALUES ($address, $key) ON CONFLICT (address) DO UPDATE SET public_key = excluded.public_key", null);
            upsert.Parameters.AddWithValue("$address", address.ToArray());
            upsert.Parameters.AddWithValue("$key", publicKey);
            upsert.ExecuteNonQuery();
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<byte[]?> FindPublicKeyAsync(Address address, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var find = Command("SELECT public_key FROM public_keys WHERE address = $address", null);
            find.Parameters.AddWithValue("$address", address.ToArray());
            return find.ExecuteScalar() as byte[];
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
    }

    private void Migrate()
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
            throw new InvalidOperationException($"the relay database has schema version {version}; this relay knows up to {Migrations.Length}");
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

    private void LoadUsage()
    {
        using var usage = Command("SELECT recipient, count(*), sum(length(body)) FROM messages GROUP BY recipient", null);
        using var reader = usage.ExecuteReader();
        while (reader.Read())
        {
            var messages = reader.GetInt64(1);
            _usage[new Address((byte[])reader[0])] = new QueueUsage(messages, reader.GetInt64(2));
            QueuedMessages += messages;
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
