namespace Photon.Relay.Client;

/// <summary>
/// Pauses between retries: exponential with "equal jitter" (the nominal pause doubles per failure
/// from <c>min</c> up to <c>max</c>; the pause is drawn from its upper half, never below
/// <c>min</c>), so many clients retrying together spread out while each still waits. A relay's
/// Retry-After is a floor, honoured up to <c>maxRetryAfter</c>.
/// </summary>
internal sealed class Backoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly TimeSpan _maxRetryAfter;
    private readonly Func<double> _random;

    /// <summary><paramref name="random"/> is uniform in [0, 1); injected so tests can pin the jitter.</summary>
    public Backoff(TimeSpan min, TimeSpan max, TimeSpan maxRetryAfter, Func<double> random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentNullException.ThrowIfNull(random);
        _min = min;
        _max = max;
        _maxRetryAfter = maxRetryAfter;
        _random = random;
    }

    /// <summary>The pause after the <paramref name="failures"/>-th failure in a row (1 for the first).</summary>
    public TimeSpan Delay(int failures, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^(failures-1) overflows nothing here: the exponent is capped well past any ratio max/min.
        var nominalTicks = Math.Min(_max.Ticks, _min.Ticks * Math.Pow(2, Math.Min(failures - 1, 62)));
        var ticks = nominalTicks / 2 + _random() * nominalTicks / 2;
        var delay = TimeSpan.FromTicks((long)Math.Clamp(ticks, _min.Ticks, _max.Ticks));
        if (retryAfter is { } asked)
        {
            var honoured = asked < _maxRetryAfter ? asked : _maxRetryAfter;
            if (honoured > delay)
                delay = honoured;
        }
        return delay;
    }
}
