namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// Timeouts and the retry policy of a <see cref="JsonRpcClient"/>. Transport failures (connection
/// refused or reset, a timed-out attempt, HTTP 408/429/502/503/504, and other 5xx without a JSON-RPC
/// body) are retried with exponential backoff and jitter; JSON-RPC error answers never are.
/// </summary>
public sealed record JsonRpcClientOptions
{
    /// <summary>How long one attempt (sending the request and reading the whole answer) may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per call, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Backoff before the second attempt; it doubles for each later one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound of one backoff, also of a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Answers larger than this are refused (a defence against a hostile or broken endpoint). The
    /// default, 32 MiB, holds the 10,000 logs providers return at most per eth_getLogs; an answer
    /// takes about twice its size in memory while it is read. At most <see cref="Array.MaxLength"/>.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Called before each backoff, e.g. to log; must not throw.</summary>
    public Action<RpcRetryEvent>? OnRetry { get; init; }

    internal void Validate()
    {
        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "must be positive or infinite");
        if (MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "at least one attempt is needed");
        if (BaseDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "must not be negative");
        if (MaxDelay < BaseDelay)
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "must not be below BaseDelay");
        if (MaxResponseBytes < 1 || MaxResponseBytes > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), MaxResponseBytes, $"must be positive and at most {Array.MaxLength}");
    }
}
