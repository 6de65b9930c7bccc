using System.Text.Json;
using System.Text.Json.Serialization;

namespace Photon.Relay.Server;

/// <summary>
/// What an operator sets in the relay's config file (JSON, snake_case keys; every key optional
/// except <see cref="Database"/>). Defaults are those of docs/relay.md.
/// </summary>
public sealed record RelayServerOptions
{
    /// <summary>The SQLite file holding queued messages, tokens and known public keys.</summary>
    public required string Database { get; init; }

    /// <summary>Where Kestrel listens. Port 0 picks a free port (printed on start).</summary>
    public string Listen { get; init; } = "http://127.0.0.1:8008";

    /// <summary>Named in the login text, so that a login signature for one relay is useless at another.</summary>
    public string ServerName { get; init; } = "photon-relay";

    public int MaxRequestBytes { get; init; } = 1024 * 1024;
    public int MaxMessageBytes { get; init; } = 64 * 1024;
    public int MaxMessagesPerRequest { get; init; } = 1_000;
    public int QueueQuotaMessages { get; init; } = 100_000;
    public long QueueQuotaBytes { get; init; } = 64L * 1024 * 1024;
    public int MaxSyncTimeoutMs { get; init; } = 30_000;
    public int DefaultSyncLimit { get; init; } = 1_000;
    public int MaxSyncLimit { get; init; } = 5_000;
    public int PresenceGraceMs { get; init; } = 10_000;
    public int ChallengeLifetimeMs { get; init; } = 5 * 60 * 1_000;
    public double RequestsPerSecond { get; init; } = 200;
    public int RequestBurst { get; init; } = 400;
    public double LoginRequestsPerSecond { get; init; } = 20;
    public int LoginBurst { get; init; } = 40;

    /// <summary>How long a sender's txnId is remembered (a resend after this stores the messages again).</summary>
    public int TransactionMemoryHours { get; init; } = 24;

    /// <summary><c>synchronous=FULL</c> (default): an accepted message survives a power cut, not only a crash.</summary>
    public bool SynchronousFull { get; init; } = true;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a config file; relative database paths are taken from the file's folder.</summary>
    /// <exception cref="RelayConfigException">The file is missing, not JSON, has unknown keys or values out of range.</exception>
    public static RelayServerOptions Load(string path)
    {
        RelayServerOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<RelayServerOptions>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new RelayConfigException($"cannot read the relay config '{path}': {e.Message}", e);
        }
        if (options is null)
            throw new RelayConfigException($"the relay config '{path}' is empty");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        options = options with { Database = Path.GetFullPath(options.Database, folder) };
        options.Validate();
        return options;
    }

    /// <exception cref="RelayConfigException">A value out of range.</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(Database), "database must name a file");
        Require(Uri.TryCreate(Listen, UriKind.Absolute, out var listen) && listen.Scheme is "http" or "https", "listen must be an http(s) URL");
        Require(!string.IsNullOrWhiteSpace(ServerName) && !ServerName.Contains('\n'), "server_name must be one non-empty line");
        Require(MaxMessageBytes > 0 && MaxRequestBytes >= MaxMessageBytes, "need 0 < max_message_bytes ≤ max_request_bytes");
        Require(MaxMessagesPerRequest > 0, "max_messages_per_request must be positive");
        Require(QueueQuotaMessages > 0 && QueueQuotaBytes > 0, "queue quotas must be positive");
        Require(MaxSyncTimeoutMs >= 0, "max_sync_timeout_ms must not be negative");
        Require(DefaultSyncLimit > 0 && MaxSyncLimit >= DefaultSyncLimit, "need 0 < default_sync_limit ≤ max_sync_limit");
        Require(PresenceGraceMs >= 0 && ChallengeLifetimeMs > 0, "presence_grace_ms must not be negative and challenge_lifetime_ms must be positive");
        Require(RequestsPerSecond > 0 && RequestBurst > 0 && LoginRequestsPerSecond > 0 && LoginBurst > 0, "rate limits must be positive");
        Require(TransactionMemoryHours > 0, "transaction_memory_hours must be positive");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new RelayConfigException($"relay config: {message}");
    }
}
