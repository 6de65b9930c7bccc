using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>
/// Token buckets per authenticated address and, for the login calls that come before any token, per
/// remote IP. A request past its bucket is refused with 429 and Retry-After, before it does anything.
/// </summary>
internal sealed class RelayLimits : IDisposable
{
    private readonly PartitionedRateLimiter<Address> _byAddress;
    private readonly PartitionedRateLimiter<string> _byIp;

    public RelayLimits(RelayServerOptions options)
    {
        _byAddress = PartitionedRateLimiter.Create<Address, Address>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(options.RequestsPerSecond, options.RequestBurst)));
        _byIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetTokenBucketLimiter(ip, _ => Bucket(options.LoginRequestsPerSecond, options.LoginBurst)));
    }

    public void CheckAddress(Address address)
    {
        using var lease = _byAddress.AttemptAcquire(address);
        Check(lease, $"{address} sends requests faster than this relay allows");
    }

    public void CheckLogin(HttpContext context)
    {
        using var lease = _byIp.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        Check(lease, "too many login requests from this IP address");
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byIp.Dispose();
    }

    private static void Check(RateLimitLease lease, string message)
    {
        if (lease.IsAcquired)
            return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        throw new RelayRequestException(StatusCodes.Status429TooManyRequests, "rate_limited", $"{message}; retry in {retryAfter} s") { RetryAfterSeconds = retryAfter };
    }

    // Refilled at least ten times a second (or one token at a time below 10/s), so that a steady client
    // at the allowed rate is never refused.
    private static TokenBucketRateLimiterOptions Bucket(double perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond >= 10 ? (int)Math.Round(perSecond / 10) : 1,
        ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / perSecond),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
