using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Relay.Transport;

/// <summary>
/// How a node exchanges signed protocol messages with its peers: through the relay
/// (<c>RelayClient</c>) or, later, directly over a LAN. Delivery is at least once and in order
/// per (sender, recipient); the node's outbox resends until a message is acknowledged, and its
/// state machine treats repeats as duplicates.
/// </summary>
public interface IMessageTransport : IAsyncDisposable
{
    /// <summary>The node's own address: the signer of what it sends, the recipient of what it receives.</summary>
    Address Address { get; }

    /// <summary>Connects (for the relay: logs in) and starts sending and receiving.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Queues <paramref name="message"/> (signed by <see cref="Address"/>) for <paramref name="recipient"/>
    /// and completes once the transport has handed it on durably (for the relay: stored it).
    /// Callers that want throughput start many sends without awaiting each one; messages to one
    /// recipient leave in the order of the calls. Cancelling stops the wait: a message not yet on
    /// its way is not sent, one already on its way may still arrive.
    /// </summary>
    Task SendAsync(Address recipient, SignedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The verified messages addressed to this node, in arrival order, each once per process. For
    /// one consumer: every message is handed to exactly one enumerator. Ends when the transport is disposed.
    /// </summary>
    IAsyncEnumerable<ReceivedMessage> ReceiveAllAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="peer"/> is reachable now (for the relay: syncing).</summary>
    Task<PeerPresence> GetPresenceAsync(Address peer, CancellationToken cancellationToken);
}
