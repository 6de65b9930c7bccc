using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// The last <c>capacity</c> envelope ids handed to the node, oldest forgotten first: enough to
/// drop the redeliveries of a relay (a lost sync answer, a restart) without growing forever.
/// Used by the receive loop alone, so not thread-safe.
/// </summary>
internal sealed class RecentEnvelopeIds
{
    private readonly int _capacity;
    private readonly HashSet<EnvelopeId> _ids = [];
    private readonly Queue<EnvelopeId> _order = new();

    public RecentEnvelopeIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _ids.Count;

    public bool Contains(EnvelopeId id) => _ids.Contains(id);

    /// <summary>Remembers <paramref name="id"/>; false (and no change) when it is already remembered.</summary>
    public bool Add(EnvelopeId id)
    {
        if (!_ids.Add(id))
            return false;
        _order.Enqueue(id);
        if (_order.Count > _capacity)
            _ids.Remove(_order.Dequeue());
        return true;
    }
}
