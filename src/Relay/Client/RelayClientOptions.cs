using Photon.Ethereum.Crypto;
using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// Where a <see cref="RelayClient"/> connects, as whom, and its limits. The defaults follow
/// docs/relay.md: batches well below the relay's request limits, a long poll below its 30 s cap,
/// a receive buffer that holds back acknowledgements when the node falls behind.
/// </summary>
public sealed record RelayClientOptions
{
    /// <summary>The relay's root, e.g. <c>http://127.0.0.1:8008/</c>; the calls are under <c>relay/v1/</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>The node's key: signs the login, opens envelopes. Stays the caller's (never disposed here).</summary>
    public required PrivateKey Key { get; init; }

    /// <summary>
    /// The relay's <c>server_name</c>. The client signs only the login text that names it, so a
    /// relay cannot make it sign a login for another relay.
    /// </summary>
    public required string ServerName { get; init; }

    /// <summary>Messages per <c>sendToDevice</c> request (the relay takes at most 1,000).</summary>
    public int MaxBatchMessages { get; init; } = 500;

    /// <summary>Approximate JSON bytes per <c>sendToDevice</c> request (the relay takes at most 1 MiB).</summary>
    public int MaxBatchBytes { get; init; } = 512 * 1024;

    /// <summary>Messages waiting to be sent; beyond it <see cref="RelayClient.SendAsync"/> waits for room.</summary>
    public int MaxQueuedMessages { get; init; } = 100_000;

    /// <summary>
    /// Received messages the node has not taken yet. When full the receive loop waits, and the
    /// relay keeps what it has not acknowledged.
    /// </summary>
    public int ReceiveBufferMessages { get; init; } = 1_000;

    /// <summary>At most this many messages per sync (the relay's <c>limit</c>, at most 5,000).</summary>
    public int SyncLimit { get; init; } = 1_000;

    /// <summary>How long one sync waits on the relay for a message (at most 30 s there).</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>How long one request may take; a sync gets <see cref="SyncTimeout"/> on top.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest pause before a retry; pauses double with each failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest pause the client chooses itself (a relay's Retry-After may ask for more).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After honoured, so a broken relay cannot park the client for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts of a one-off call (a presence query) before it fails; the loops retry forever.</summary>
    public int MaxCallAttempts { get; init; } = 3;

    /// <summary>Envelope ids remembered to drop redeliveries.</summary>
    public int RecentEnvelopeIds { get; init; } = 100_000;

    /// <summary>Recipients' public keys kept after a directory lookup.</summary>
    public int RecipientKeyCacheSize { get; init; } = 10_000;

    /// <summary>Keys derived from senders' ephemeral keys kept (see <see cref="DerivedKeyCache"/>).</summary>
    public int DerivedKeyCacheSize { get; init; } = DerivedKeyCache.DefaultCapacity;

    /// <summary>Envelopes sealed under one ephemeral key before it is replaced.</summary>
    public int MaxMessagesPerEphemeralKey { get; init; } = EphemeralKeyRing.DefaultMaxMessagesPerKey;

    /// <summary>How long one ephemeral key is used before it is replaced.</summary>
    public TimeSpan MaxEphemeralKeyAge { get; init; } = EphemeralKeyRing.DefaultMaxKeyAge;

    /// <summary>Answers larger than this are refused (a defence against a broken or hostile relay).</summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseAddress, nameof(BaseAddress));
        if (!BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"must be an absolute http or https URI, got '{BaseAddress}'", nameof(BaseAddress));
        ArgumentNullException.ThrowIfNull(Key, nameof(Key));
        if (string.IsNullOrWhiteSpace(ServerName) || ServerName.Contains('\n', StringComparison.Ordinal) || ServerName.Contains('\r', StringComparison.Ordinal))
            throw new ArgumentException("must be one non-empty line", nameof(ServerName));
        InRange(MaxBatchMessages, 1, 1_000, nameof(MaxBatchMessages));
        InRange(MaxBatchBytes, 1, 1024 * 1024, nameof(MaxBatchBytes));
        InRange(MaxQueuedMessages, 1, int.MaxValue, nameof(MaxQueuedMessages));
        InRange(ReceiveBufferMessages, 1, int.MaxValue, nameof(ReceiveBufferMessages));
        InRange(SyncLimit, 1, 5_000, nameof(SyncLimit));
        if (SyncTimeout < TimeSpan.Zero || SyncTimeout > TimeSpan.FromSeconds(30))
            throw new ArgumentOutOfRangeException(nameof(SyncTimeout), SyncTimeout, "must be from 0 to 30 s");
        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(MinBackoff, nameof(MinBackoff));
        if (MaxBackoff < MinBackoff)
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "must not be below MinBackoff");
        if (MaxRetryAfter < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), MaxRetryAfter, "must not be negative");
        InRange(MaxCallAttempts, 1, int.MaxValue, nameof(MaxCallAttempts));
        InRange(RecentEnvelopeIds, 1, int.MaxValue, nameof(RecentEnvelopeIds));
        InRange(RecipientKeyCacheSize, 1, int.MaxValue, nameof(RecipientKeyCacheSize));
        InRange(DerivedKeyCacheSize, 1, int.MaxValue, nameof(DerivedKeyCacheSize));
        InRange(MaxMessagesPerEphemeralKey, 1, int.MaxValue, nameof(MaxMessagesPerEphemeralKey));
        Positive(MaxEphemeralKeyAge, nameof(MaxEphemeralKeyAge));
        InRange(MaxResponseBytes, 1024, int.MaxValue, nameof(MaxResponseBytes));
    }

    private static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, max == int.MaxValue ? $"must be at least {min}" : $"must be from {min} to {max}");
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, "must be positive");
    }
}
