using Photon.Ethereum;

namespace Photon.Pathfinder.Graph;

/// <summary>
/// The channels of one token network that routes may use: open channels only, each as two directed edges with the
/// capacity and fee derived from the chain (deposits, withdrawals) and from the participants' signed updates.
/// Readers (route searches) run concurrently; changes take the write lock. A closed channel leaves the graph at once.
/// </summary>
public sealed class ChannelGraph : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<Address, int> _nodeIndex = [];
    private readonly List<Address> _nodes = [];
    private readonly List<List<int>> _incoming = [];
    private readonly List<bool> _offline = [];
    private readonly Dictionary<UInt256, GraphChannel> _channels = [];
    private DirectedEdge[] _edges = new DirectedEdge[64];
    private int _slots;

    public ChannelGraph(Address tokenNetwork) => TokenNetwork = tokenNetwork;

    public Address TokenNetwork { get; }

    /// <summary>Adds a channel opened on chain (idempotent: a known id changes nothing).</summary>
    public void Open(UInt256 channelId, Address participant1, Address participant2)
    {
        if (participant1 == participant2)
            throw new ArgumentException("a channel has two different participants", nameof(participant2));
        Write(() =>
        {
            if (_channels.ContainsKey(channelId))
                return;
            var slot = _slots++;
            if (2 * _slots > _edges.Length)
                Array.Resize(ref _edges, _edges.Length * 2);
            var channel = new GraphChannel(channelId, participant1, participant2, slot);
            _channels.Add(channelId, channel);
            var (one, two) = (NodeOf(participant1), NodeOf(participant2));
            _edges[2 * slot] = new DirectedEdge { From = one, To = two };
            _edges[(2 * slot) + 1] = new DirectedEdge { From = two, To = one };
            _incoming[two].Add(2 * slot);
            _incoming[one].Add((2 * slot) + 1);
            Refresh(channel);
        });
    }

    /// <summary>A new total deposit of <paramref name="participant"/> (chain event); unknown channels are ignored.</summary>
    public void SetDeposit(UInt256 channelId, Address participant, UInt256 totalDeposit) =>
        Change(channelId, participant, side => side.Deposit = totalDeposit);

    /// <summary>A new total withdrawn by <paramref name="participant"/> (chain event); unknown channels are ignored.</summary>
    public void SetWithdrawn(UInt256 channelId, Address participant, UInt256 totalWithdraw) =>
        Change(channelId, participant, side => side.Withdrawn = totalWithdraw);

    /// <summary>Removes a channel that was closed (or settled): no route may use it any more.</summary>
    public void Remove(UInt256 channelId) => Write(() =>
    {
        if (!_channels.Remove(channelId, out var channel))
            return;
        var (forward, backward) = (2 * channel.Slot, (2 * channel.Slot) + 1);
        _incoming[_edges[forward].To].Remove(forward);
        _incoming[_edges[backward].To].Remove(backward);
        _edges[forward].Capacity = UInt256.Zero;
        _edges[backward].Capacity = UInt256.Zero;
    });

    /// <summary>Marks a node offline (not used as a mediator) or online again.</summary>
    public void SetOnline(Address node, bool online) => Write(() =>
    {
        if (_nodeIndex.TryGetValue(node, out var index))
            _offline[index] = !online;
    });

    /// <summary>The open channel <paramref name="channelId"/>'s participants, or null when it is not open (or unknown).</summary>
    public (Address Participant1, Address Participant2)? Participants(UInt256 channelId) => Read(() =>
        _channels.TryGetValue(channelId, out var c) ? (c.One.Participant, c.Two.Participant) : ((Address, Address)?)null);

    /// <summary>Counts for the summary endpoint.</summary>
    public GraphSummary Summary() => Read(() =>
    {
        var online = _channels.Values.SelectMany(c => new[] { c.One.Participant, c.Two.Participant }).Distinct().Count(a => !_offline[_nodeIndex[a]]);
        var capacity = System.Numerics.BigInteger.Zero;
        foreach (var c in _channels.Values)
            capacity += c.CapacityOf(c.One).ToBigInteger() + c.CapacityOf(c.Two).ToBigInteger();
        var nodes = _channels.Values.SelectMany(c => new[] { c.One.Participant, c.Two.Participant }).Distinct().Count();
        return new GraphSummary(TokenNetwork, nodes, online, _channels.Count, capacity);
    });

    /// <summary>One direction of an open channel, for tests and the info views; null when there is no such channel.</summary>
    public ChannelDirection? Direction(UInt256 channelId, Address from) => Read(() =>
    {
        if (!_channels.TryGetValue(channelId, out var channel) || channel.SideOf(from) is not { } side)
            return (ChannelDirection?)null;
        return new ChannelDirection(from, channel.PartnerOf(side).Participant, channel.CapacityOf(side), side.Fees);
    });

    /// <summary>Runs <paramref name="update"/> on the side of <paramref name="participant"/> under the write lock, then refreshes both edges.</summary>
    internal T Update<T>(UInt256 channelId, Address participant, Func<GraphChannel, ChannelSide, T> update, T whenUnknown) => Write(() =>
    {
        if (!_channels.TryGetValue(channelId, out var channel) || channel.SideOf(participant) is not { } side)
            return whenUnknown;
        var result = update(channel, side);
        Refresh(channel);
        return result;
    });

    /// <summary>Runs a search under the read lock, over the raw tables (valid only inside <paramref name="search"/>).</summary>
    internal T Search<T>(Func<SearchView, T> search) => Read(() => search(new SearchView(_nodeIndex, _nodes, _incoming, _offline, _edges)));

    public void Dispose() => _lock.Dispose();

    private void Change(UInt256 channelId, Address participant, Action<ChannelSide> change) =>
        Update(channelId, participant, (_, side) =>
        {
            change(side);
            return true;
        }, false);

    private void Refresh(GraphChannel channel)
    {
        ref var forward = ref _edges[2 * channel.Slot];
        forward.Capacity = channel.CapacityOf(channel.One);
        forward.Flat = channel.One.Fees.Flat;
        forward.Millionths = channel.One.Fees.ProportionalMillionths;
        ref var backward = ref _edges[(2 * channel.Slot) + 1];
        backward.Capacity = channel.CapacityOf(channel.Two);
        backward.Flat = channel.Two.Fees.Flat;
        backward.Millionths = channel.Two.Fees.ProportionalMillionths;
    }

    private int NodeOf(Address address)
    {
        if (_nodeIndex.TryGetValue(address, out var index))
            return index;
        index = _nodes.Count;
        _nodeIndex.Add(address, index);
        _nodes.Add(address);
        _incoming.Add([]);
        _offline.Add(false);
        return index;
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action write) => Write(() =>
    {
        write();
        return true;
    });

    private T Write<T>(Func<T> write)
    {
        _lock.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
