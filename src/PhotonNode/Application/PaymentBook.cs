using Photon.Ethereum;
using Photon.Node.Runtime;
using Photon.Protocol.Events;
using Photon.Protocol.State;
using Photon.Protocol.Transfers;

namespace Photon.Node.Application;

/// <summary>
/// Payment history for the API, derived from committed events (so it is rebuilt after a restart from the
/// event history) plus the initiator tasks still in the state (payments in flight). Thread-safe.
/// </summary>
/// <remarks>
/// A direct transfer is final when sent: the partner already holds our signed balance proof. A mediated
/// payment is pending until <see cref="EventPaymentSucceeded"/> or <see cref="EventPaymentFailed"/>.
/// </remarks>
public sealed class PaymentBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Address, Address> _tokens = [];
    private readonly Dictionary<(Address TokenNetwork, UInt256 Id, string Direction), PaymentView> _payments = [];
    private readonly Dictionary<(Address TokenNetwork, UInt256 Id), List<TaskCompletionSource<PaymentView>>> _waiters = [];
    private readonly Dictionary<(Address TokenNetwork, UInt256 Id), Hash256> _secrets = [];

    /// <summary>Adds the pending payments of <paramref name="state"/> (after replaying history at start).</summary>
    public void AddInFlight(NodeState state, Address our)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var task in state.Payments.Values.OfType<InitiatorTask>())
        {
            var token = state.TokenNetwork(task.TokenNetwork)?.Token ?? task.TokenNetwork;
            Started(task.TokenNetwork, token, new PaymentView(token, task.PaymentId, "sent", our, task.Target, task.Amount, UInt256.Zero, task.SecretHash, task.Secret, "pending", null, state.BlockNumber));
        }
    }

    /// <summary>Records a payment this node just started (before its events are dispatched).</summary>
    public void Started(Address tokenNetwork, Address token, PaymentView pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        lock (_gate)
        {
            _tokens[tokenNetwork] = token;
            _payments.TryAdd((tokenNetwork, pending.Identifier, "sent"), pending);
            if (pending.Secret is { } secret)
                _secrets[(tokenNetwork, pending.Identifier)] = secret;
        }
    }

    /// <summary>Drops a payment recorded by <see cref="Started"/> that the state machine refused (it never started).</summary>
    public void Forget(Address tokenNetwork, UInt256 id)
    {
        lock (_gate)
        {
            _payments.Remove((tokenNetwork, id, "sent"));
            _secrets.Remove((tokenNetwork, id));
        }
    }

    public void KnowToken(Address tokenNetwork, Address token)
    {
        lock (_gate)
            _tokens[tokenNetwork] = token;
    }

    /// <summary>True when this node already sent (or is sending) a payment with this id in the token network.</summary>
    public bool HasSent(Address tokenNetwork, UInt256 id)
    {
        lock (_gate)
            return _payments.ContainsKey((tokenNetwork, id, "sent"));
    }

    public PaymentView? Sent(Address tokenNetwork, UInt256 id)
    {
        lock (_gate)
            return _payments.GetValueOrDefault((tokenNetwork, id, "sent"));
    }

    /// <summary>Applies a committed event (history at start, then live, in id order).</summary>
    public void Apply(DispatchedEvent dispatched, Address our)
    {
        ArgumentNullException.ThrowIfNull(dispatched);
        lock (_gate)
        {
            switch (dispatched.Event)
            {
                case EventPaymentSent e:
                    Finish(e.TokenNetwork, e.PaymentId, "sent", new PaymentView(Token(e.TokenNetwork), e.PaymentId, "sent", our, e.Target, e.Amount, UInt256.Zero, Existing(e.TokenNetwork, e.PaymentId)?.SecretHash ?? default, null, "succeeded", null, dispatched.Block));
                    break;
                case EventPaymentSucceeded e:
                    Finish(e.TokenNetwork, e.PaymentId, "sent", new PaymentView(Token(e.TokenNetwork), e.PaymentId, "sent", our, e.Target, e.Amount, e.Fee, e.SecretHash, _secrets.GetValueOrDefault((e.TokenNetwork, e.PaymentId)), "succeeded", null, dispatched.Block));
                    break;
                case EventPaymentFailed e:
                    Finish(e.TokenNetwork, e.PaymentId, "sent", new PaymentView(Token(e.TokenNetwork), e.PaymentId, "sent", our, e.Target, e.Amount, UInt256.Zero, e.SecretHash, _secrets.GetValueOrDefault((e.TokenNetwork, e.PaymentId)), "failed", e.Reason, dispatched.Block));
                    break;
                case EventPaymentReceived e:
                    _payments[(e.TokenNetwork, e.PaymentId, "received")] = new PaymentView(Token(e.TokenNetwork), e.PaymentId, "received", e.Initiator, our, e.Amount, UInt256.Zero, default, null, "succeeded", null, dispatched.Block);
                    break;
            }
        }
    }

    /// <summary>Completes when the sent payment is no longer pending.</summary>
    public Task<PaymentView> WaitAsync(Address tokenNetwork, UInt256 id, CancellationToken ct)
    {
        TaskCompletionSource<PaymentView> waiter;
        lock (_gate)
        {
            if (!_payments.TryGetValue((tokenNetwork, id, "sent"), out var payment))
                throw new NodeApplicationException(ApplicationErrorKind.NotFound, "unknown_payment", $"this node sent no payment {id} in this token network");
            if (payment.Status != "pending")
                return Task.FromResult(payment);
            waiter = new TaskCompletionSource<PaymentView>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_waiters.TryGetValue((tokenNetwork, id), out var list))
                _waiters[(tokenNetwork, id)] = list = [];
            list.Add(waiter);
        }
        return waiter.Task.WaitAsync(ct);
    }

    /// <summary>Newest first; <paramref name="tokenNetwork"/> and <paramref name="partner"/> (the other party) filter when given.</summary>
    public IReadOnlyList<PaymentView> List(Address? tokenNetwork, Address? partner)
    {
        lock (_gate)
        {
            return [.. _payments
                .Where(p => tokenNetwork is null || p.Key.TokenNetwork == tokenNetwork)
                .Select(p => p.Value)
                .Where(p => partner is null || (p.Direction == "sent" ? p.Target : p.Initiator) == partner)
                .OrderByDescending(p => p.Block)];
        }
    }

    private PaymentView? Existing(Address tokenNetwork, UInt256 id) => _payments.GetValueOrDefault((tokenNetwork, id, "sent"));

    private Address Token(Address tokenNetwork) => _tokens.GetValueOrDefault(tokenNetwork, tokenNetwork);

    private void Finish(Address tokenNetwork, UInt256 id, string direction, PaymentView view)
    {
        _payments[(tokenNetwork, id, direction)] = view;
        if (_waiters.Remove((tokenNetwork, id), out var waiters))
        {
            foreach (var waiter in waiters)
                waiter.TrySetResult(view);
        }
    }
}
