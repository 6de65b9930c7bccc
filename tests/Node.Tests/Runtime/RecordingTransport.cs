using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Photon.Ethereum;
using Photon.Protocol.Messages;
using Photon.Relay.Transport;

namespace Photon.Node.Tests.Runtime;

/// <summary>
/// A transport that records what the runtime hands it and delivers what a test injects: the runtime's
/// ordering rules (nothing leaves before its commit) are about when it calls the transport, which a real
/// relay cannot show deterministically. End-to-end runs use the real relay.
/// </summary>
internal sealed class RecordingTransport(Address address) : IMessageTransport
{
    private readonly Channel<ReceivedMessage> _incoming = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly Lock _gate = new();
    private readonly List<(Address Recipient, SignedMessage Message)> _sent = [];

    public IReadOnlyList<(Address Recipient, SignedMessage Message)> Sent
    {
        get
        {
            lock (_gate)
                return [.. _sent];
        }
    }

    public Address Address { get; } = address;

    public void Deliver(ReceivedMessage message) => _incoming.Writer.TryWrite(message);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendAsync(Address recipient, SignedMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
            _sent.Add((recipient, message));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ReceivedMessage> ReceiveAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in _incoming.Reader.ReadAllAsync(cancellationToken))
            yield return message;
    }

    public Task<PeerPresence> GetPresenceAsync(Address peer, CancellationToken cancellationToken) => Task.FromResult(new PeerPresence(peer, true, null));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
