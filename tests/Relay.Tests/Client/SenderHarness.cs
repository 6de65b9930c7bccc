using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Relay.Client;
using Photon.Relay.Crypto;
using Photon.Relay.Tests.Crypto;

namespace Photon.Relay.Tests.Client;

/// <summary>
/// A <see cref="RelaySender"/> over scripted relay calls: every sendToDevice attempt is recorded
/// (txnId, bytes, and the messages it carries, opened with the recipients' keys) and answered by
/// <see cref="Answer"/>.
/// </summary>
internal sealed class SenderHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<Address, PrivateKey> _recipients = [];
    private readonly Dictionary<Address, DerivedKeyCache> _openers = [];
    private Task _loop = Task.CompletedTask;

    public SenderHarness(Func<RelayClientOptions, RelayClientOptions>? configure = null, params string[] recipients)
    {
        foreach (var name in recipients)
        {
            var key = PrivateKey.Generate();
            Names[name] = key.Address;
            _recipients[key.Address] = key;
            _openers[key.Address] = new DerivedKeyCache(key);
        }
        var options = new RelayClientOptions
        {
            BaseAddress = new Uri("http://relay.test/"),
            Key = Self,
            ServerName = "relay.test",
            MinBackoff = TimeSpan.FromMilliseconds(1),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
        };
        options = configure?.Invoke(options) ?? options;
        var backoff = new Backoff(options.MinBackoff, options.MaxBackoff, options.MaxRetryAfter, Random.Shared.NextDouble);
        Sender = new RelaySender(SendToDeviceAsync, LookupAsync, Self.Address, new EphemeralKeyRing(TimeProvider.System), options, backoff,
            TimeProvider.System, Stats, NullLogger.Instance);
    }

    public PrivateKey Self { get; } = PrivateKey.Generate();

    public Dictionary<string, Address> Names { get; } = [];

    public RelaySender Sender { get; }

    public RelayClientStats Stats { get; } = new();

    /// <summary>Every attempt, in order.</summary>
    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    /// <summary>Decides an attempt: null stores it, an exception fails it.</summary>
    public Func<Attempt, Exception?> Answer { get; set; } = _ => null;

    /// <summary>Recipients the directory has no key for (yet).</summary>
    public ConcurrentDictionary<Address, bool> UnknownKeys { get; } = new();

    public Address this[string name] => Names[name];

    public void Start() => _loop = Task.Run(() => Sender.RunAsync(_stop.Token));

    public Task SendAsync(string recipient, ulong messageId, CancellationToken cancellationToken = default) =>
        Sender.SendAsync(this[recipient], TestMessages.Processed(Self, messageId), cancellationToken);

    /// <summary>The (recipient, message id) pairs the relay stored, in storing order.</summary>
    public List<(Address To, ulong MessageId)> Stored() =>
        Attempts.Where(a => a.Stored).SelectMany(a => a.Messages).ToList();

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        Sender.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Sender.Dispose();
        _stop.Dispose();
        Self.Dispose();
        foreach (var key in _recipients.Values)
            key.Dispose();
    }

    private Task SendToDeviceAsync(string txnId, byte[] json, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var document = JsonDocument.Parse(json);
        var messages = document.RootElement.GetProperty("messages").EnumerateArray().Select(m =>
        {
            var to = Address.Parse(m.GetProperty("to").GetString()!);
            var opened = RelayEnvelope.Open(m.GetProperty("body").GetBytesFromBase64(), Self.Address, _openers[to]);
            return (to, opened.Message.Message.MessageId);
        }).ToList();
        var attempt = new Attempt(txnId, json, messages);
        var failure = Answer(attempt);
        attempt.Stored = failure is null;
        Attempts.Enqueue(attempt);
        return failure is null ? Task.CompletedTask : Task.FromException(failure);
    }

    private Task<RecipientKey?> LookupAsync(Address recipient, CancellationToken cancellationToken) =>
        Task.FromResult(UnknownKeys.ContainsKey(recipient) ? null : RecipientKey.Create(recipient, _recipients[recipient].PublicKey));

    internal sealed class Attempt(string txnId, byte[] json, List<(Address To, ulong MessageId)> messages)
    {
        public string TxnId { get; } = txnId;
        public byte[] Json { get; } = json;
        public List<(Address To, ulong MessageId)> Messages { get; } = messages;
        public bool Stored { get; set; }
    }
}
