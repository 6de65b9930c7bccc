using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Node.Routing;
using Photon.Node.Runtime;
using Photon.Protocol.Channels;
using Photon.Protocol.Events;
using Photon.Protocol.State;
using Photon.Protocol.StateChanges;

namespace Photon.Node.Application;

/// <summary>
/// The application layer over the runtime (docs/node.md): validates a request against the committed state,
/// turns it into a state change or a chain action, and waits for what the caller asked to see.
/// </summary>
public sealed class NodeApplication : INodeApplication, IDisposable
{
    private readonly NodeRuntime _runtime;
    private readonly NetworkGraph _graph;
    private readonly IChainActions _chain;
    private readonly IEventHistory _history;
    private readonly PaymentBook _payments;
    private readonly NodeApplicationOptions _options;
    private readonly Func<bool> _transportOnline;
    private readonly IDisposable _subscription;
    private ulong _head;

    /// <summary>Builds the application on a started runtime whose payment history is already in <paramref name="payments"/>.</summary>
    public NodeApplication(NodeRuntime runtime, NetworkGraph graph, IChainActions chain, IEventHistory history, PaymentBook payments, NodeApplicationOptions options, Func<bool> transportOnline)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _graph = graph ?? throw new ArgumentNullException(nameof(graph));
        _chain = chain ?? throw new ArgumentNullException(nameof(chain));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _payments = payments ?? throw new ArgumentNullException(nameof(payments));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _transportOnline = transportOnline ?? throw new ArgumentNullException(nameof(transportOnline));
        _subscription = runtime.Subscribe(dispatched =>
        {
            if (dispatched.Event is EventPaymentSent or EventPaymentSucceeded or EventPaymentFailed or EventPaymentReceived)
            {
                foreach (var network in _runtime.State.TokenNetworks.Values)
                    _payments.KnowToken(network.Address, network.Token);
            }
            _payments.Apply(dispatched, Address);
        });
    }

    public Address Address => _runtime.State.Our;

    /// <summary>Records the chain head the sync last saw (for <see cref="GetStatus"/>).</summary>
    public void ObserveHead(ulong head) => Interlocked.Exchange(ref _head, head);

    public NodeStatus GetStatus()
    {
        var state = _runtime.State;
        var head = Interlocked.Read(ref _head);
        return new NodeStatus(state.Our, state.ChainId, _options.Registry, state.BlockNumber, head,
            head > state.BlockNumber + _options.Confirmations, _transportOnline(), _options.Version);
    }

    public IReadOnlyList<TokenView> ListTokens() =>
        [.. _runtime.State.TokenNetworks.Values.OrderBy(n => n.Token)
            .Select(n => new TokenView(n.Token, n.Address, n.Channels.Values.Count(c => c.Status != ChannelStatus.Settled)))];

    public async Task<TokenView> RegisterTokenAsync(Address token, CancellationToken ct)
    {
        if (NetworkOf(_runtime.State, token) is not null)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "token_already_registered", $"token {token} already has a token network");
        await _chain.RegisterTokenAsync(token, ct).ConfigureAwait(false);
        var state = await _runtime.WaitForStateAsync(s => NetworkOf(s, token) is not null, ct).ConfigureAwait(false);
        var network = NetworkOf(state, token)!;
        return new TokenView(network.Token, network.Address, 0);
    }

    public IReadOnlyList<ChannelView> ListChannels(Address? token = null, Address? partner = null)
    {
        var state = _runtime.State;
        IEnumerable<TokenNetworkState> networks = token is { } t ? [Network(state, t)] : state.TokenNetworks.Values.OrderBy(n => n.Token);
        return [.. networks.SelectMany(n => n.Channels.Values
            .Where(c => c.Status != ChannelStatus.Settled && (partner is null || c.Partner.Address == partner))
            .OrderBy(c => c.ChannelId)
            .Select(c => ChannelViews.From(n, c)))];
    }

    public ChannelView GetChannel(Address token, Address partner)
    {
        var network = Network(_runtime.State, token);
        return ChannelViews.From(network, Channel(network, partner));
    }

    public async Task<ChannelView> OpenChannelAsync(OpenChannelRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var network = Network(_runtime.State, request.Token);
        if (request.Partner == Address)
            throw new NodeApplicationException(ApplicationErrorKind.InvalidArgument, "invalid_partner", "a node cannot open a channel with itself");
        if (network.ChannelWith(request.Partner) is not null)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "channel_exists", $"a channel with {request.Partner} is already open in this token network");
        var settleTimeout = request.SettleTimeout ?? _options.DefaultSettleTimeout;
        await _chain.OpenChannelAsync(network.Address, network.Token, request.Partner, settleTimeout, request.TotalDeposit, ct).ConfigureAwait(false);
        var state = await _runtime.WaitForStateAsync(
            s => s.TokenNetwork(network.Address)?.ChannelWith(request.Partner) is { } c && c.Our.TotalDeposit >= request.TotalDeposit, ct).ConfigureAwait(false);
        var updated = state.TokenNetwork(network.Address)!;
        return ChannelViews.From(updated, updated.ChannelWith(request.Partner)!);
    }

    public async Task<ChannelView> SetTotalDepositAsync(Address token, Address partner, UInt256 totalDeposit, CancellationToken ct)
    {
        var network = Network(_runtime.State, token);
        var channel = OpenChannel(network, partner);
        if (totalDeposit <= channel.Our.TotalDeposit)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "deposit_not_increasing", $"the total deposit is already {channel.Our.TotalDeposit}; a new total must be higher");
        await _chain.SetTotalDepositAsync(network.Address, network.Token, channel.ChannelId, partner, totalDeposit, ct).ConfigureAwait(false);
        return await WaitForChannelAsync(network.Address, channel.ChannelId, c => c.Our.TotalDeposit >= totalDeposit, ct).ConfigureAwait(false);
    }

    public async Task<ChannelView> SetTotalWithdrawAsync(Address token, Address partner, UInt256 totalWithdraw, CancellationToken ct)
    {
        var network = Network(_runtime.State, token);
        var channel = OpenChannel(network, partner);
        if (totalWithdraw <= channel.Our.TotalWithdraw)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "withdraw_not_increasing", $"the total withdrawn is already {channel.Our.TotalWithdraw}; a new total must be higher");
        // Withdrawable now: what we could pay (our distributable balance) on top of what we already withdrew.
        var available = Balances.Distributable(channel.Our, channel.Partner) + channel.Our.TotalWithdraw;
        if (totalWithdraw > available)
            throw new NodeApplicationException(ApplicationErrorKind.InsufficientBalance, "insufficient_balance", $"at most {available} can be withdrawn in total now");
        await SubmitActionAsync(new ActionWithdraw(network.Address, partner, totalWithdraw, Math.Max(1, channel.RevealTimeout * 2)), ct).ConfigureAwait(false);
        // The amount is reserved while the withdraw is negotiated; it is done when it is on chain (or expired).
        var view = await WaitForChannelAsync(network.Address, channel.ChannelId, c => c.Withdraw is null || c.Status != ChannelStatus.Opened, ct).ConfigureAwait(false);
        if (view.TotalWithdraw < totalWithdraw)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "withdraw_failed", $"the withdraw to {totalWithdraw} did not land on chain in time (the partner did not confirm, or the transaction failed); the channel is unchanged");
        return view;
    }

    public async Task<ChannelView> CloseChannelAsync(Address token, Address partner, CancellationToken ct)
    {
        var network = Network(_runtime.State, token);
        var channel = OpenChannel(network, partner);
        await SubmitActionAsync(new ActionCloseChannel(network.Address, partner), ct).ConfigureAwait(false);
        return await WaitForChannelAsync(network.Address, channel.ChannelId, c => c.Status != ChannelStatus.Opened, ct).ConfigureAwait(false);
    }

    public async Task<ChannelView> SettleChannelAsync(Address token, Address partner, IProgress<SettleProgressView>? progress, CancellationToken ct)
    {
        var network = Network(_runtime.State, token);
        var channel = Channel(network, partner);
        if (channel.Status == ChannelStatus.Opened || channel.Closing is null)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "channel_not_closed", "close the channel first (or settle it cooperatively)");
        var settleableAt = channel.Closing.PunishDeadline(_options.PunishWindow) + 1;
        // The state machine settles by itself once the punish window has passed (docs/protocol.md); wait for it,
        // reporting each new block meanwhile.
        var settled = WaitForChannelAsync(network.Address, channel.ChannelId, c => c.Status == ChannelStatus.Settled, ct);
        ulong? reported = null;
        while (progress is not null && !settled.IsCompleted)
        {
            var block = _runtime.State.BlockNumber;
            if (block != reported)
            {
                progress.Report(new SettleProgressView(block, settleableAt));
                reported = block;
            }
            await Task.WhenAny(settled, Task.Delay(TimeSpan.FromMilliseconds(250), ct)).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
        return await settled.ConfigureAwait(false);
    }

    public async Task<ChannelView> CooperativeSettleAsync(Address token, Address partner, CancellationToken ct)
    {
        var network = Network(_runtime.State, token);
        var channel = OpenChannel(network, partner);
        if (channel.Our.Locks.Count > 0 || channel.Partner.Locks.Count > 0)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "locks_pending", "a channel with pending locks cannot be settled cooperatively; wait for them to finish or expire");
        await SubmitActionAsync(new ActionCooperativeSettle(network.Address, partner), ct).ConfigureAwait(false);
        return await WaitForChannelAsync(network.Address, channel.ChannelId, c => c.Status == ChannelStatus.Settled, ct).ConfigureAwait(false);
    }

    public async Task<PaymentView> StartPaymentAsync(PaymentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = _runtime.State;
        var network = Network(state, request.Token);
        if (request.Amount.IsZero)
            throw new NodeApplicationException(ApplicationErrorKind.InvalidArgument, "invalid_amount", "the amount must be above zero");
        if (request.Target == Address)
            throw new NodeApplicationException(ApplicationErrorKind.InvalidArgument, "invalid_target", "a node cannot pay itself");
        var id = request.Identifier ?? RandomIdentifier();
        if (_payments.HasSent(network.Address, id))
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "duplicate_identifier", $"this node already sent payment {id} in this token network");
        if (request.SecretHash is { } hash && request.Secret is { } given && SecretHash.Of(given) != hash)
            throw new NodeApplicationException(ApplicationErrorKind.InvalidArgument, "secret_mismatch", "the secret does not hash (sha256) to the secret hash");
        if (request.SecretHash is not null && request.Secret is null)
            throw new NodeApplicationException(ApplicationErrorKind.InvalidArgument, "secret_required", "a payment with only a secret hash (a swap leg) is not supported by this node; give the secret too");

        var direct = network.ChannelWith(request.Target);
        var mediated = request.Secret is not null || request.LockTimeout is not null;
        if (direct is { AcceptsTransfers: true } && !mediated && Balances.Distributable(direct.Our, direct.Partner) >= request.Amount)
        {
            var pending = new PaymentView(network.Token, id, "sent", Address, request.Target, request.Amount, UInt256.Zero, default, null, "pending", null, state.BlockNumber);
            _payments.Started(network.Address, network.Token, pending);
            await SubmitPaymentAsync(network.Address, id, new ActionDirectTransfer(network.Address, request.Target, request.Amount, id), ct).ConfigureAwait(false);
            return _payments.Sent(network.Address, id) ?? pending;
        }

        var balances = network.Channels.Values
            .Where(c => c.AcceptsTransfers)
            .ToDictionary(c => c.Partner.Address, c => Balances.Distributable(c.Our, c.Partner));
        var routes = RouteFinder.Find(Address, request.Target, request.Amount, balances, _graph.OpenChannels(network.Address));
        if (routes.Count == 0)
        {
            // Say what the payer can fix: too little balance to pay this much on any channel, or no path at all.
            var most = balances.Values.DefaultIfEmpty(UInt256.Zero).Max();
            if (most < request.Amount)
                throw new NodeApplicationException(ApplicationErrorKind.InsufficientBalance, "insufficient_balance", $"no channel of this node can pay {request.Amount} (the most any can pay now is {most})");
            throw new NodeApplicationException(ApplicationErrorKind.NoRoute, "no_route", $"no route to {request.Target} can carry {request.Amount}");
        }
        var secret = request.Secret ?? new Hash256(RandomNumberGenerator.GetBytes(32));
        var view = new PaymentView(network.Token, id, "sent", Address, request.Target, request.Amount, UInt256.Zero, SecretHash.Of(secret), secret, "pending", null, state.BlockNumber);
        _payments.Started(network.Address, network.Token, view);
        await SubmitPaymentAsync(network.Address, id, new ActionInitPayment(network.Address, id, request.Target, request.Amount, secret, [.. routes], request.LockTimeout), ct).ConfigureAwait(false);
        return _payments.Sent(network.Address, id) ?? view;
    }

    public Task<PaymentView> WaitForPaymentAsync(Address token, UInt256 paymentId, CancellationToken ct) =>
        _payments.WaitAsync(Network(_runtime.State, token).Address, paymentId, ct);

    public IReadOnlyList<PaymentView> ListPayments(Address? token = null, Address? partner = null) =>
        _payments.List(token is { } t ? Network(_runtime.State, t).Address : null, partner);

    public IReadOnlyList<PendingTransferView> ListPendingTransfers(Address? token = null, Address? partner = null)
    {
        var state = _runtime.State;
        IEnumerable<TokenNetworkState> networks = token is { } t ? [Network(state, t)] : state.TokenNetworks.Values.OrderBy(n => n.Token);
        return [.. networks.SelectMany(n => n.Channels.Values
            .Where(c => c.Status != ChannelStatus.Settled && (partner is null || c.Partner.Address == partner))
            .OrderBy(c => c.ChannelId)
            .SelectMany(c => c.Our.Locks.Select(l => new PendingTransferView(n.Token, c.ChannelId, c.Partner.Address, "sent", l.Amount, l.SecretHash, (ulong)l.Expiration))
                .Concat(c.Partner.Locks.Select(l => new PendingTransferView(n.Token, c.ChannelId, c.Partner.Address, "received", l.Amount, l.SecretHash, (ulong)l.Expiration)))))];
    }

    public async IAsyncEnumerable<NodeEventView> SubscribeEventsAsync(long fromIndex, [EnumeratorCancellation] CancellationToken ct)
    {
        // Subscribe first and buffer, then replay the history, then the buffer past what was replayed: no gap, no repeat.
        var live = System.Threading.Channels.Channel.CreateUnbounded<DispatchedEvent>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
        using var subscription = _runtime.Subscribe(d => live.Writer.TryWrite(d));
        var next = fromIndex;
        await foreach (var stored in _history.ReadFromAsync(fromIndex, ct).ConfigureAwait(false))
        {
            next = stored.Id + 1;
            if (EventViews.From(stored) is { } view)
                yield return view;
        }
        await foreach (var dispatched in live.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (dispatched.Id < next)
                continue;
            next = dispatched.Id + 1;
            if (EventViews.From(dispatched) is { } view)
                yield return view;
        }
    }

    public void Dispose() => _subscription.Dispose();

    private async Task SubmitActionAsync(StateChange action, CancellationToken ct)
    {
        var events = await _runtime.SubmitAsync(action, ct).ConfigureAwait(false);
        if (events.OfType<EventActionRefused>().FirstOrDefault() is { } refused)
            throw Refusal(refused.Refusal);
    }

    private async Task SubmitPaymentAsync(Address tokenNetwork, UInt256 id, StateChange action, CancellationToken ct)
    {
        try
        {
            await SubmitActionAsync(action, ct).ConfigureAwait(false);
        }
        catch (NodeApplicationException)
        {
            _payments.Forget(tokenNetwork, id);
            throw;
        }
    }

    private async Task<ChannelView> WaitForChannelAsync(Address tokenNetwork, UInt256 channelId, Func<Channel, bool> done, CancellationToken ct)
    {
        var state = await _runtime.WaitForStateAsync(s => s.TokenNetwork(tokenNetwork)?.Channels.GetValueOrDefault(channelId) is { } c && done(c), ct).ConfigureAwait(false);
        var network = state.TokenNetwork(tokenNetwork)!;
        return ChannelViews.From(network, network.Channels[channelId]);
    }

    private static NodeApplicationException Refusal(Refusal refusal) => refusal.Reason switch
    {
        RefusalReason.InsufficientCapacity => new(ApplicationErrorKind.InsufficientBalance, "insufficient_balance", refusal.Message),
        RefusalReason.NoRoute => new(ApplicationErrorKind.NoRoute, "no_route", refusal.Message),
        RefusalReason.UnknownChannel => new(ApplicationErrorKind.NotFound, "unknown_channel", refusal.Message),
        RefusalReason.ZeroAmount or RefusalReason.InvalidAction or RefusalReason.InvalidExpiration or RefusalReason.LockExpirationTooFar or RefusalReason.LockExpirationNotInFuture
            => new(ApplicationErrorKind.InvalidArgument, "invalid_argument", refusal.Message),
        _ => new(ApplicationErrorKind.Conflict, "conflict", refusal.Message),
    };

    private static TokenNetworkState? NetworkOf(NodeState state, Address token) => state.TokenNetworks.Values.FirstOrDefault(n => n.Token == token);

    private static TokenNetworkState Network(NodeState state, Address token) =>
        NetworkOf(state, token) ?? throw new NodeApplicationException(ApplicationErrorKind.NotFound, "unknown_token", $"token {token} has no token network; register it first");

    private static Channel Channel(TokenNetworkState network, Address partner) =>
        network.ChannelWith(partner)
        ?? network.Channels.Values.Where(c => c.Partner.Address == partner).OrderByDescending(c => c.ChannelId).FirstOrDefault()
        ?? throw new NodeApplicationException(ApplicationErrorKind.NotFound, "unknown_channel", $"no channel with {partner} in the network of token {network.Token}");

    private static Channel OpenChannel(TokenNetworkState network, Address partner)
    {
        var channel = Channel(network, partner);
        if (channel.Status != ChannelStatus.Opened)
            throw new NodeApplicationException(ApplicationErrorKind.Conflict, "channel_not_open", $"the channel with {partner} is {ChannelViews.StateName(channel.Status)}");
        return channel;
    }

    /// <summary>A random payment id below 2^63, so every client language can hold it in a signed 64-bit integer.</summary>
    private static UInt256 RandomIdentifier()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        var id = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 1;
        return new UInt256(id == 0 ? 1 : id);
    }
}
