namespace Photon.Relay.Tests;

/// <summary>One relay process for a test class whose tests each use their own fresh keys.</summary>
public sealed class SharedRelay : IAsyncLifetime
{
    private RelayProcess? _relay;

    public RelayProcess Relay => _relay ?? throw new InvalidOperationException("not started");

    public Uri BaseUri => Relay.BaseUri;

    public async Task InitializeAsync() => _relay = await RelayProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_relay is not null)
            await _relay.DisposeAsync();
    }
}
