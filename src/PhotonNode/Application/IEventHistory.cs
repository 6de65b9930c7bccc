using Photon.Node.Runtime;

namespace Photon.Node.Application;

/// <summary>The committed events of earlier runs and this one, by journal id (the node database).</summary>
public interface IEventHistory
{
    /// <summary>Events with an id ≥ <paramref name="fromId"/> that are already committed, in id order.</summary>
    IAsyncEnumerable<DispatchedEvent> ReadFromAsync(long fromId, CancellationToken ct);
}
