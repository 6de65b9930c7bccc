using Photon.Ethereum;
using Photon.Protocol.Messages;

namespace Photon.Relay.Client;

/// <summary>
/// A message waiting in a recipient's queue. <see cref="Completion"/> ends when the relay stored
/// it (result), it failed for good or the client shut down (exception), or its caller gave up
/// before it was sent (cancelled: the send loop then skips it).
/// </summary>
internal sealed class PendingMessage(Address recipient, SignedMessage message, int encodedSize)
{
    public Address Recipient { get; } = recipient;
    public SignedMessage Message { get; } = message;

    /// <summary>Its JSON bytes in a request (<see cref="BatchPlanner.EncodedSize"/>).</summary>
    public int EncodedSize { get; } = encodedSize;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once it is part of a request; from then on it goes even if its caller cancels.</summary>
    public bool InFlight { get; set; }

    /// <summary>Cancelled before it was taken into a request: skipped, never sent.</summary>
    public bool IsAbandoned => !InFlight && Completion.Task.IsCompleted;
}
