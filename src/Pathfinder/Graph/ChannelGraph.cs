using Photon.Ethereum;
using Photon.Protocol.Routing;

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
    private readonly List<List<DirectedEdge>> _incoming = [];
    private readonly List<bool> _offline = [];
    private readonly Dictionary<UInt256, GraphChannel> _channels = [];
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
            var channel = new GraphChannel(channelId, participant1, participant2, slot);
            _channels.Add(channelId, channel);
            var (one, two) = (NodeOf(participant1), NodeOf(participant2));
            _incoming[two].Add(new DirectedEdge { From = one, To = two, Id = 2 * slot });
            _incoming[one].Add(new DirectedEdge { From = two, To = one, Id = (2 * slot) + 1 });
            Refresh(channel);
        });
    }

    /// <summary>A new total deposit of <paramref name="participant"/> (chain event); unknown channels are ignored.</summary>
    public void SetDeposit(UInt256 channelId, Address participant, UInt256 totalDeposit) =>
        Change(channelId, participant, side => side.Deposit = totalDeposit);

    /// <summary>A new total withdrawn by <paramref name="participant"/> (chain event); unknown channels are ignored.</summary>
    public void SetWithdrawn(UInt256 channelId, Address participant, UInt256 totalWithdraw) =>
        Change(channelId, participant, side => side.Withdrawn = totalWithdraw);

    /// <summary>
    /// Puts <paramref name="participant"/>'s verified capacity update in force unless a newer one is: both nonces must
    /// not go down, and equal nonces must carry equal values (a replay is <see cref="GraphChange.Unchanged"/>).
    /// </summary>
    public GraphChange SetCapacity(UInt256 channelId, Address participant, CapacityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Update(channelId, participant, (_, side) =>
        {
            if (facts.PartnerNonce < side.PartnerNonce || facts.OwnNonce < side.OwnNonce)
                return GraphChange.Stale;
            var known = facts.PartnerNonce == side.PartnerNonce && facts.OwnNonce == side.OwnNonce;
            if (known && (facts.PartnerNonce, facts.OwnNonce) != (UInt256.Zero, UInt256.Zero))
                return facts.PartnerTransferred == side.PartnerTransferred && facts.OwnLocked == side.OwnLocked ? GraphChange.Unchanged : GraphChange.Stale;
            (side.PartnerTransferred, side.PartnerNonce, side.OwnNonce, side.OwnLocked) = (facts.PartnerTransferred, facts.PartnerNonce, facts.OwnNonce, facts.OwnLocked);
            return GraphChange.Applied;
        });
    }

    /// <summary>Puts <paramref name="participant"/>'s verified fee schedule in force when <paramref name="sequence"/> is above the one in force.</summary>
    public GraphChange SetFees(UInt256 channelId, Address participant, FeeSchedule fees, UInt256 sequence)
    {
        ArgumentNullException.ThrowIfNull(fees);
        return Update(channelId, participant, (_, side) =>
        {
            if (sequence == side.FeeSequence && !sequence.IsZero)
                return fees == side.Fees ? GraphChange.Unchanged : GraphChange.Stale;
            if (sequence <= side.FeeSequence)
                return GraphChange.Stale;
            (side.Fees, side.FeeSequence) = (fees, sequence);
            return GraphChange.Applied;
        });
    }

    /// <summary>Removes a channel that was closed (or settled): no route may use it any more.</summary>
    public void Remove(UInt256 channelId) => Write(() =>
    {
        if (!_channels.Remove(channelId, out var channel))
            return;
        var (one, two) = (_nodeIndex[channel.One.Participant], _nodeIndex[channel.Two.Participant]);
        _incoming[two].RemoveAll(e => e.Id == 2 * channel.Slot);
        _incoming[one].RemoveAll(e => e.Id == (2 * channel.Slot) + 1);
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
        // A node with an open channel has at least one incoming edge; closed channels leave nodes without any.
        var (nodes, online) = (0, 0);
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (_incoming[i].Count == 0)
                continue;
            nodes++;
            online += _offline[i] ? 0 : 1;
        }
        var capacity = System.Numerics.BigInteger.Zero;
        foreach (var c in _channels.Values)
            capacity += c.CapacityOf(c.One).ToBigInteger() + c.CapacityOf(c.Two).ToBigInteger();
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
    private GraphChange Update(UInt256 channelId, Address participant, Func<GraphChannel, ChannelSide, GraphChange> update) => Write(() =>
    {
        if (!_channels.TryGetValue(channelId, out var channel))
            return GraphChange.ChannelNotOpen;
        if (channel.SideOf(participant) is not { } side)
            return GraphChange.NotParticipant;
        var result = update(channel, side);
        Refresh(channel);
        return result;
    });

    /// <summary>Runs a search under the read lock, over the raw tables (valid only inside <paramref name="search"/>).</summary>
    internal T Search<T>(Func<SearchView, T> search) => Read(() => search(new SearchView(_nodeIndex, _nodes, _incoming, _offline)));

    public void Dispose() => _lock.Dispose();

    private void Change(UInt256 channelId, Address participant, Action<ChannelSide> change) =>
        Update(channelId, participant, (_, side) =>
        {
            change(side);
            return GraphChange.Applied;
        });

    private void Refresh(GraphChannel channel)
    {
        Refresh(ref Incoming(channel.Two.Participant, 2 * channel.Slot), channel, channel.One);
        Refresh(ref Incoming(channel.One.Participant, (2 * channel.Slot) + 1), channel, channel.Two);
    }

    /// <summary>The stored edge <paramref name="id"/> into <paramref name="to"/> (a node has few channels next to the cost of a search).</summary>
    private ref DirectedEdge Incoming(Address to, int id)
    {
        var edges = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_incoming[_nodeIndex[to]]);
        for (var i = 0; i < edges.Length; i++)
        {
            if (edges[i].Id == id)
                return ref edges[i];
        }
        throw new InvalidOperationException($"edge {id} is missing from the incoming list of {to}");
    }

    private static void Refresh(ref DirectedEdge edge, GraphChannel channel, ChannelSide from)
    {
        edge.Capacity = Narrow(channel.CapacityOf(from));
        edge.FlatTooLarge = from.Fees.Flat > Max128;
        edge.Flat = Narrow(from.Fees.Flat);
        edge.Millionths = from.Fees.ProportionalMillionths;
    }

    private static readonly UInt256 Max128 = new(ulong.MaxValue, ulong.MaxValue);

    /// <summary>The amount as 128 bits, saturating at 2^128 − 1 (on changes only: the search never converts).</summary>
    private static UInt128 Narrow(UInt256 amount) => amount >= Max128 ? UInt128.MaxValue : (UInt128)amount.ToBigInteger();

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
