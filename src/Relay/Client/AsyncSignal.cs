namespace Photon.Relay.Client;

/// <summary>
/// Wakes one waiting loop. Signals do not pile up: any number of <see cref="Set"/> calls before a
/// wait make that one wait return at once.
/// </summary>
internal sealed class AsyncSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
        catch (ObjectDisposedException)
        {
            // Shut down.
        }
    }

    /// <summary>Waits for a signal, at most <paramref name="timeout"/> (by <paramref name="time"/>); false on timeout.</summary>
    public async Task<bool> WaitAsync(TimeSpan? timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (timeout is not { } limit)
        {
            await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (limit <= TimeSpan.Zero)
            return _semaphore.Wait(0, CancellationToken.None);
        using var timer = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _semaphore.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
