using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Photon.Ethereum;
using Photon.Node.Application;

namespace Photon.Node.Tests.Api;

/// <summary>
/// An <see cref="INodeApplication"/> for testing the HTTP edge alone (the real application is built
/// elsewhere): it records each call with its arguments and answers with canned views, or throws
/// <see cref="Failure"/> when set.
/// </summary>
internal sealed class RecordingApplication : INodeApplication
{
    public static readonly Address Self = Address.Parse("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
    public static readonly Address Token = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    public static readonly Address TokenNetwork = Address.Parse("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
    public static readonly Address Partner = Address.Parse("0x70997970c51812dc3a010c7d01b50e179aeb41c3");

    private readonly Channel<NodeEventView> _live = System.Threading.Channels.Channel.CreateUnbounded<NodeEventView>();

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Thrown by every call (after recording it) when set: a refusal, or any other exception to stand for a bug.</summary>
    public Exception? Failure { get; set; }

    /// <summary>What <see cref="WaitForPaymentAsync"/> reports as the outcome.</summary>
    public string PaymentOutcome { get; set; } = "succeeded";

    /// <summary>Events already stored, replayed to subscribers from their index on.</summary>
    public List<NodeEventView> History { get; } = [];

    public Address Address => Self;

    public ChannelView Channel { get; set; } = new(
        Token, TokenNetwork, new UInt256(7), Partner, "opened", 500, 50,
        TotalDeposit: UInt256.Parse("100000000000000000000000000000"), TotalWithdraw: 0, PartnerTotalDeposit: 80, PartnerTotalWithdraw: 0,
        Balance: 70, PartnerBalance: 110, LockedAmount: 0, PartnerLockedAmount: 5, SettleBlock: null);

    public void Publish(NodeEventView e) => _live.Writer.TryWrite(e);

    public static PaymentView Payment(PaymentRequest request, string status, string? reason = null) => new(
        request.Token, request.Identifier ?? new UInt256(42), "sent", Self, request.Target, request.Amount, 0,
        Hash256.Parse("0x" + new string('a', 64)), request.Secret ?? Hash256.Parse("0x" + new string('b', 64)), status, reason, 123);

    public NodeStatus GetStatus() => Record(nameof(GetStatus), new NodeStatus(Self, 31337, TokenNetwork, 90, 100, true, true, "1.2.3"));

    public IReadOnlyList<TokenView> ListTokens() => Record(nameof(ListTokens), (IReadOnlyList<TokenView>)[new TokenView(Token, TokenNetwork, 1)]);

    public Task<TokenView> RegisterTokenAsync(Address token, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(RegisterTokenAsync)} {token}", new TokenView(token, TokenNetwork, 0)));

    public IReadOnlyList<ChannelView> ListChannels(Address? token = null, Address? partner = null) =>
        Record($"{nameof(ListChannels)} {token} {partner}", (IReadOnlyList<ChannelView>)[Channel]);

    public ChannelView GetChannel(Address token, Address partner) => Record($"{nameof(GetChannel)} {token} {partner}", Channel);

    public Task<ChannelView> OpenChannelAsync(OpenChannelRequest request, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(OpenChannelAsync)} {request}", Channel));

    public Task<ChannelView> SetTotalDepositAsync(Address token, Address partner, UInt256 totalDeposit, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(SetTotalDepositAsync)} {token} {partner} {totalDeposit}", Channel));

    public Task<ChannelView> SetTotalWithdrawAsync(Address token, Address partner, UInt256 totalWithdraw, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(SetTotalWithdrawAsync)} {token} {partner} {totalWithdraw}", Channel));

    public Task<ChannelView> CloseChannelAsync(Address token, Address partner, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(CloseChannelAsync)} {token} {partner}", Channel with { State = "closed", SettleBlock = 620 }));

    public Task<ChannelView> SettleChannelAsync(Address token, Address partner, IProgress<SettleProgressView>? progress, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(SettleChannelAsync)} {token} {partner}", Channel with { State = "settled", SettleBlock = 620 }));

    public Task<ChannelView> CooperativeSettleAsync(Address token, Address partner, CancellationToken ct) =>
        Task.FromResult(Record($"{nameof(CooperativeSettleAsync)} {token} {partner}", Channel with { State = "settled" }));

    private PaymentRequest? _lastPayment;

    public Task<PaymentView> StartPaymentAsync(PaymentRequest request, CancellationToken ct)
    {
        var view = Record($"{nameof(StartPaymentAsync)} {request}", Payment(request, "pending"));
        _lastPayment = request;
        return Task.FromResult(view);
    }

    public Task<PaymentView> WaitForPaymentAsync(Address token, UInt256 paymentId, CancellationToken ct)
    {
        var request = _lastPayment ?? throw new NodeApplicationException(ApplicationErrorKind.NotFound, "unknown_payment", "no such payment");
        return Task.FromResult(Record($"{nameof(WaitForPaymentAsync)} {token} {paymentId}",
            Payment(request, PaymentOutcome, PaymentOutcome == "failed" ? "no route with enough capacity" : null)));
    }

    public IReadOnlyList<PaymentView> ListPayments(Address? token = null, Address? partner = null) =>
        Record($"{nameof(ListPayments)} {token} {partner}", (IReadOnlyList<PaymentView>)[Payment(new PaymentRequest(Token, Partner, 30), "succeeded")]);

    public IReadOnlyList<PendingTransferView> ListPendingTransfers(Address? token = null, Address? partner = null) =>
        Record($"{nameof(ListPendingTransfers)} {token} {partner}", (IReadOnlyList<PendingTransferView>)
            [new PendingTransferView(Token, new UInt256(7), Partner, "received", 5, Hash256.Parse("0x" + new string('c', 64)), 140)]);

    public async IAsyncEnumerable<NodeEventView> SubscribeEventsAsync(long fromIndex, [EnumeratorCancellation] CancellationToken ct)
    {
        Record($"{nameof(SubscribeEventsAsync)} {fromIndex}", 0);
        foreach (var e in History.Where(e => e.Index >= fromIndex))
            yield return e;
        await foreach (var e in _live.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (e.Index >= fromIndex)
                yield return e;
        }
    }

    public static NodeEventView Event(long index, string type) =>
        new(index, type, (ulong)(100 + index), new JsonObject { ["amount"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private T Record<T>(string call, T result)
    {
        Calls.Enqueue(call);
        return Failure is { } failure ? throw failure : result;
    }
}
