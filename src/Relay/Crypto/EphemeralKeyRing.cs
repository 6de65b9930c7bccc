using Photon.Ethereum;

namespace Photon.Relay.Crypto;

/// <summary>
/// The sender's ephemeral keys, one per recipient, each used for at most
/// <see cref="MaxMessagesPerKey"/> envelopes and <see cref="MaxKeyAge"/> (docs/relay.md): one ECDH
/// per message would cap a node at a few thousand messages per second, and a short-lived key keeps
/// random GCM nonces far below their collision bound. Thread-safe.
/// </summary>
public sealed class EphemeralKeyRing
{
    public const int DefaultMaxMessagesPerKey = 10_000;
    public static readonly TimeSpan DefaultMaxKeyAge = TimeSpan.FromMinutes(10);

    // Expired entries are swept when the ring has grown past this many (doubling after each sweep),
    // so a node that once wrote to many peers does not keep all their keys.
    private const int SweepThreshold = 1024;

    private readonly TimeProvider _time;
    private readonly Dictionary<Address, Entry> _keys = [];
    private readonly Lock _lock = new();
    private int _sweepAt = SweepThreshold;

    public EphemeralKeyRing(TimeProvider timeProvider, int maxMessagesPerKey = DefaultMaxMessagesPerKey, TimeSpan? maxKeyAge = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessagesPerKey, 1);
        var age = maxKeyAge ?? DefaultMaxKeyAge;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(age, TimeSpan.Zero, nameof(maxKeyAge));
        _time = timeProvider;
        MaxMessagesPerKey = maxMessagesPerKey;
        MaxKeyAge = age;
    }

    public int MaxMessagesPerKey { get; }

    public TimeSpan MaxKeyAge { get; }

    /// <summary>How many recipients currently have a key.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _keys.Count;
        }
    }

    /// <summary>The key to seal one envelope for <paramref name="recipient"/>; each call counts as one use.</summary>
    public SealingKey KeyFor(RecipientKey recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_keys.TryGetValue(recipient.Address, out var entry) || entry.Uses >= MaxMessagesPerKey || IsExpired(entry, now))
            {
                entry = new Entry(SealingKey.Create(recipient), now);
                _keys[recipient.Address] = entry;
                SweepIfLarge(now);
            }
            entry.Uses++;
            return entry.Key;
        }
    }

    private bool IsExpired(Entry entry, DateTimeOffset now) => now - entry.Created >= MaxKeyAge;

    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_keys.Count < _sweepAt)
            return;
        foreach (var (address, entry) in _keys.ToList())
        {
            if (IsExpired(entry, now))
                _keys.Remove(address);
        }
        _sweepAt = Math.Max(SweepThreshold, 2 * _keys.Count);
    }

    private sealed class Entry(SealingKey key, DateTimeOffset created)
    {
        public SealingKey Key { get; } = key;
        public DateTimeOffset Created { get; } = created;
        public int Uses { get; set; }
    }
}
