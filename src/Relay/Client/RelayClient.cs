using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Photon.Ethereum;
using Photon.Protocol.Messages;
using Photon.Relay.Crypto;
using Photon.Relay.Transport;

namespace Photon.Relay.Client;

/// <summary>
/// The node's side of the relay (docs/relay.md): logs in with the node's key, seals every message
/// end to end for its recipient, sends per-recipient ordered queues in batches, long-polls for
/// incoming messages and hands each to the node once. One instance per node and relay; thread-safe.
/// </summary>
/// <remarks>
/// Everything it depends on is injected (HTTP, clock, logger), so tests can drive it. Dropped
/// input — envelopes that do not open, redeliveries, malformed entries — is logged and counted in
/// <see cref="Stats"/>, never thrown.
/// </remarks>
public sealed partial class RelayClient : IMessageTransport
{
    private readonly RelayClientOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RelayApi _api;
    private readonly Backoff _backoff;
    private readonly RelaySender _sender;
    private readonly RelayReceiver _receiver;
    private readonly Channel<ReceivedMessage> _inbox;
    private readonly CancellationTokenSource _stop = new();
    private Task _loops = Task.CompletedTask;
    private int _started;
    private int _disposed;

    /// <summary>
    /// A client for <paramref name="options"/>. Without <paramref name="httpClient"/> it makes (and
    /// disposes) its own; a given one stays the caller's, and its Timeout should be infinite (the
    /// client applies its own per request).
    /// </summary>
    public RelayClient(RelayClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? CreateHttpClient();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _api = new RelayApi(_http, options, _time, Stats, _logger);
        _backoff = new Backoff(options.MinBackoff, options.MaxBackoff, options.MaxRetryAfter, Random.Shared.NextDouble);
        var directory = new KeyDirectory(_api, options.RecipientKeyCacheSize, Stats, _logger);
        var ring = new EphemeralKeyRing(_time, options.MaxMessagesPerEphemeralKey, options.MaxEphemeralKeyAge);
        _sender = new RelaySender(_api.SendToDeviceAsync, directory.LookupAsync, options.Key.Address, ring, options, _backoff, _time, Stats, _logger);
        _inbox = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(options.ReceiveBufferMessages)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _receiver = new RelayReceiver(_api.SyncAsync, new DerivedKeyCache(options.Key, options.DerivedKeyCacheSize), new RecentEnvelopeIds(options.RecentEnvelopeIds),
            _inbox.Writer, _backoff, _time, Stats, _logger);
    }

    public Address Address => _options.Key.Address;

    public RelayClientOptions Options => _options;

    public RelayClientStats Stats { get; } = new();

    /// <summary>Messages queued for sending and not yet stored by the relay.</summary>
    public int QueuedMessages => _sender.QueuedMessages;

    /// <summary>
    /// Logs in — retrying network failures and relay errors with backoff until
    /// <paramref name="cancellationToken"/> gives up — then starts the send and receive loops, which
    /// run until <see cref="DisposeAsync"/>. Throws <see cref="RelayLoginException"/> when the relay
    /// refuses the login (the client can be started again). Messages may be queued before.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("the relay client is already started");
        try
        {
            for (var failures = 1; ; failures++)
            {
                try
                {
                    await _api.EnsureLoggedInAsync(cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (RelayCallException e) when (e.IsTransient)
                {
                    var delay = _backoff.Delay(failures, e.RetryAfter);
                    LogStartRetry(_logger, failures, e.Message, delay);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            Volatile.Write(ref _started, 0);
            throw;
        }
        var stop = _stop.Token;
        _loops = Task.WhenAll(
            Task.Run(() => SuperviseAsync("send", _sender.RunAsync, stop), CancellationToken.None),
            Task.Run(() => SuperviseAsync("receive", _receiver.RunAsync, stop), CancellationToken.None));
    }

    /// <inheritdoc />
    public Task SendAsync(Address recipient, SignedMessage message, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _sender.SendAsync(recipient, message, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ReceivedMessage> ReceiveAllAsync(CancellationToken cancellationToken) => _inbox.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// The relay's presence of <paramref name="peer"/>: online while it syncs (and a short grace
    /// after). Retries failures worth retrying up to <see cref="RelayClientOptions.MaxCallAttempts"/>
    /// times, then throws <see cref="RelayCallException"/>.
    /// </summary>
    public async Task<PeerPresence> GetPresenceAsync(Address peer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var answer = await _api.PresenceAsync(peer, cancellationToken).ConfigureAwait(false);
                return ReadPresence(answer.RootElement, peer);
            }
            catch (RelayCallException e) when (e.IsTransient && attempt < _options.MaxCallAttempts)
            {
                await Task.Delay(_backoff.Delay(attempt, e.RetryAfter), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Stops both loops and waits for them; messages not yet stored by the relay fail with
    /// <see cref="ObjectDisposedException"/>, and <see cref="ReceiveAllAsync"/> ends after the
    /// messages already received.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loops.ConfigureAwait(false);
        _sender.Close();
        _inbox.Writer.TryComplete();
        _sender.Dispose();
        _api.Dispose();
        if (_ownsHttp)
            _http.Dispose();
        _stop.Dispose();
    }

    internal static PeerPresence ReadPresence(JsonElement root, Address peer)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("address", out var named) || named.ValueKind != JsonValueKind.String || !Address.TryParse(named.GetString(), out var address)
            || !root.TryGetProperty("presence", out var presence) || presence.ValueKind != JsonValueKind.String)
            throw RelayApi.Malformed("presence", "it needs an 'address' and a 'presence'");
        if (address != peer)
            throw RelayApi.Malformed("presence", $"it is about {address}, not {peer}");
        var online = presence.GetString() switch
        {
            "online" => true,
            "offline" => false,
            _ => throw RelayApi.Malformed("presence", "'presence' must be 'online' or 'offline'"),
        };
        TimeSpan? ago = null;
        if (root.TryGetProperty("last_active_ago_ms", out var agoMs) && agoMs.ValueKind != JsonValueKind.Null)
        {
            if (agoMs.ValueKind != JsonValueKind.Number || !agoMs.TryGetInt64(out var ms) || ms < 0)
                throw RelayApi.Malformed("presence", "'last_active_ago_ms' must be a whole number of milliseconds or null");
            ago = TimeSpan.FromMilliseconds(ms);
        }
        return new PeerPresence(peer, online, ago);
    }

    /// <summary>
    /// Runs a loop until <paramref name="stop"/>. The loops handle every failure they expect; one
    /// they do not (a bug) is logged and the loop restarts after a pause, since a dead loop would
    /// silently cut the node off. A restarted receive loop syncs from the relay's oldest message;
    /// redeliveries are then dropped by id.
    /// </summary>
    private async Task SuperviseAsync(string name, Func<CancellationToken, Task> loop, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await loop(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The supervisor must outlive any failure of its loop.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogLoopFailed(_logger, e, name);
                try
                {
                    await Task.Delay(_options.MaxBackoff, _time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler
        {
            // Recycle pooled connections so a restarted or re-addressed relay is picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.All,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the relay to log in (attempt {Attempt}): {Problem}; retrying in {Delay}")]
    private static partial void LogStartRetry(ILogger logger, int attempt, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The relay {Loop} loop failed unexpectedly; restarting it")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string loop);
}
