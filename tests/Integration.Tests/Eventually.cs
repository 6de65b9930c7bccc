namespace Photon.Integration.Tests;

/// <summary>Waits for a network of processes to reach a state (polling; the wait is not a measurement).</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the network did not reach the expected state within {seconds} s");
            await Task.Delay(100);
        }
    }
}
