namespace Photon.Node.Tests.Chain;

/// <summary>
/// An HTTP handler that can cut a client off its Ethereum node: while <see cref="Down"/>, every request fails
/// as a refused connection would, and <see cref="FailedRequests"/> counts them.
/// </summary>
public sealed class SwitchableHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile bool _down;
    private int _failed;

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public int FailedRequests => Volatile.Read(ref _failed);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_down)
            return base.SendAsync(request, cancellationToken);
        Interlocked.Increment(ref _failed);
        throw new HttpRequestException("the Ethereum node is unreachable (cut off by the test)");
    }
}
