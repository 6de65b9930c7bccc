using Photon.Ethereum;

namespace Photon.Node.Application;

/// <summary>
/// What a wallet can ask of a node: the one application layer that REST (<c>/api/v1</c>), gRPC and the
/// CLI call into (docs/node.md). Implementations validate every argument and throw
/// <see cref="NodeApplicationException"/> with an <see cref="ApplicationErrorKind"/> for anything they
/// refuse; a refused call changes nothing.
/// </summary>
/// <remarks>
/// Tokens are named by their ERC20 address (not the TokenNetwork's), partners and targets by address,
/// as in Raiden's API. Calls that need the chain (register, open, deposit, withdraw, close, settle)
/// return once the chain event they cause is confirmed and applied to the node's state, so the view
/// they return already shows the change.
/// </remarks>
public interface INodeApplication
{
    /// <summary>The node's own address.</summary>
    Address Address { get; }

    NodeStatus GetStatus();

    IReadOnlyList<TokenView> ListTokens();

    /// <summary>Creates the token's TokenNetwork through the registry (409 when it exists).</summary>
    Task<TokenView> RegisterTokenAsync(Address token, CancellationToken ct);

    /// <summary>This node's channels, optionally of one token and one partner; settled channels are not listed.</summary>
    IReadOnlyList<ChannelView> ListChannels(Address? token = null, Address? partner = null);

    /// <exception cref="NodeApplicationException">NotFound when the token is unknown or there is no channel with the partner.</exception>
    ChannelView GetChannel(Address token, Address partner);

    /// <summary>Opens a channel, depositing <see cref="OpenChannelRequest.TotalDeposit"/> when it is above zero.</summary>
    Task<ChannelView> OpenChannelAsync(OpenChannelRequest request, CancellationToken ct);

    /// <summary>Raises our total deposit to <paramref name="totalDeposit"/> (a total, never an increment).</summary>
    Task<ChannelView> SetTotalDepositAsync(Address token, Address partner, UInt256 totalDeposit, CancellationToken ct);

    /// <summary>Withdraws without closing: both sign <c>Withdraw</c>, then the node submits it.</summary>
    Task<ChannelView> SetTotalWithdrawAsync(Address token, Address partner, UInt256 totalWithdraw, CancellationToken ct);

    /// <summary>Closes with the partner's latest balance proof.</summary>
    Task<ChannelView> CloseChannelAsync(Address token, Address partner, CancellationToken ct);

    /// <summary>
    /// Waits for a closed channel's settle window and punish window, lets the node settle it and returns
    /// the settled view. <paramref name="progress"/> hears the blocks still to wait.
    /// </summary>
    Task<ChannelView> SettleChannelAsync(Address token, Address partner, IProgress<SettleProgressView>? progress, CancellationToken ct);

    /// <summary>Both sign <c>CooperativeSettle</c> with the current balances; the channel is paid out at once.</summary>
    Task<ChannelView> CooperativeSettleAsync(Address token, Address partner, CancellationToken ct);

    /// <summary>
    /// Starts a payment and returns once the node has committed to it (its first message is persisted),
    /// with <see cref="PaymentView.Status"/> <c>pending</c>. <see cref="WaitForPaymentAsync"/> waits for the outcome.
    /// </summary>
    Task<PaymentView> StartPaymentAsync(PaymentRequest request, CancellationToken ct);

    /// <summary>Returns when the payment has succeeded or failed (or at once if it already has).</summary>
    /// <exception cref="NodeApplicationException">NotFound for a payment this node never started.</exception>
    Task<PaymentView> WaitForPaymentAsync(Address token, UInt256 paymentId, CancellationToken ct);

    /// <summary>Payments sent and received, newest first, optionally of one token and one partner (target or initiator).</summary>
    IReadOnlyList<PaymentView> ListPayments(Address? token = null, Address? partner = null);

    /// <summary>Locks pending in this node's channels (sent and received).</summary>
    IReadOnlyList<PendingTransferView> ListPendingTransfers(Address? token = null, Address? partner = null);

    /// <summary>
    /// Payment and channel events with an index that rises by one per event; replays those with an index
    /// ≥ <paramref name="fromIndex"/>, then follows live ones until cancelled.
    /// </summary>
    IAsyncEnumerable<NodeEventView> SubscribeEventsAsync(long fromIndex, CancellationToken ct);
}
