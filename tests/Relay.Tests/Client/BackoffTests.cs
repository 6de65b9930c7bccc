using Photon.Relay.Client;

namespace Photon.Relay.Tests.Client;

public sealed class BackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    public void Every_pause_lies_between_the_bounds_however_many_failures(double jitter)
    {
        var backoff = new Backoff(Min, Max, MaxRetryAfter, () => jitter);

        for (var failures = 1; failures <= 200; failures++)
        {
            var delay = backoff.Delay(failures);
            Assert.InRange(delay, Min, Max);
        }
    }

    [Fact]
    public void The_nominal_pause_doubles_per_failure_and_the_jitter_takes_its_upper_half()
    {
        var low = new Backoff(Min, Max, MaxRetryAfter, () => 0.0);
        var high = new Backoff(Min, Max, MaxRetryAfter, () => 0.999999);

        Assert.Equal(Min, low.Delay(1));
        Assert.Equal(Min, low.Delay(2));
        Assert.Equal(TimeSpan.FromMilliseconds(500), low.Delay(3));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), low.Delay(4));
        Assert.InRange(high.Delay(4), TimeSpan.FromMilliseconds(1999), TimeSpan.FromMilliseconds(2000));
        Assert.Equal(Max / 2, low.Delay(30));
        Assert.InRange(high.Delay(30), Max - TimeSpan.FromMilliseconds(1), Max);
    }

    [Fact]
    public void A_relays_retry_after_is_a_floor()
    {
        var backoff = new Backoff(Min, Max, MaxRetryAfter, () => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(5), backoff.Delay(1, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(90), backoff.Delay(1, TimeSpan.FromSeconds(90)));
        Assert.Equal(Max / 2, backoff.Delay(30, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_retry_after_beyond_its_cap_is_honoured_only_up_to_the_cap()
    {
        var backoff = new Backoff(Min, Max, MaxRetryAfter, () => 0.0);

        Assert.Equal(MaxRetryAfter, backoff.Delay(1, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Refuses_nonsense_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backoff(TimeSpan.Zero, Max, MaxRetryAfter, () => 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backoff(Max, Min, MaxRetryAfter, () => 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Backoff(Min, Max, MaxRetryAfter, () => 0).Delay(0));
    }
}
