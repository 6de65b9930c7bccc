using Photon.TestSupport;
namespace Photon.Relay.Tests;

/// <summary>One relay process for a test class whose tests each use their own fresh keys.</summary>
public sealed class SharedRelay : IAsyncLifetime
{
    private RelayProcess? _relay;

    public RelayProcess Relay => _relay ?? throw new InvalidOperationException("not started");

    public Uri BaseUri => Relay.BaseUri;

    // Every test logs in from loopback: the per-IP login limit is raised so that tests do not throttle each other.
    public async Task InitializeAsync() => _relay = await RelayProcess.StartAsync(new() { ["login_requests_per_second"] = 10_000, ["login_burst"] = 10_000 });

    public async Task DisposeAsync()
    {
        if (_relay is not null)
            await _relay.DisposeAsync();
    }
}
