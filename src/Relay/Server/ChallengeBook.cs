using System.Collections.Concurrent;
using System.Security.Cryptography;
using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>
/// Login challenges handed out and not yet used, in memory (a restart forgets them; clients ask
/// again). Each is single use and expires. Bounded, so that asking for challenges cannot fill memory.
/// </summary>
internal sealed class ChallengeBook(TimeProvider time, TimeSpan lifetime, int capacity = 100_000)
{
    private readonly ConcurrentDictionary<(Address, Hash256), DateTimeOffset> _open = new();

    public TimeSpan Lifetime => lifetime;

    public Hash256 Issue(Address address)
    {
        var now = time.GetUtcNow();
        if (_open.Count >= capacity)
            foreach (var (key, expires) in _open)
                if (expires <= now)
                    _open.TryRemove(key, out _);
        if (_open.Count >= capacity)
            throw new RelayRequestException(429, "rate_limited", "too many logins are under way; retry shortly") { RetryAfterSeconds = 1 };
        var challenge = new Hash256(RandomNumberGenerator.GetBytes(32));
        _open[(address, challenge)] = now + lifetime;
        return challenge;
    }

    /// <summary>Removes the challenge (used once, whatever the outcome) and says whether it was open and unexpired.</summary>
    public bool TryUse(Address address, Hash256 challenge) =>
        _open.TryRemove((address, challenge), out var expires) && time.GetUtcNow() < expires;
}
