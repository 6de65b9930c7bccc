using Photon.Ethereum;

namespace Photon.Protocol.Machine;

/// <summary>Delivered and Processed end the re-sending of the message they name (only when they come from its recipient).</summary>
internal static class Acknowledgements
{
    public static void OnAcknowledged(TransitionContext context, Address sender, ulong messageId)
    {
        // An acknowledgement of an unknown id (a duplicate, or one for a message already acked) changes nothing.
        if (context.State.Outbox.TryGetValue(messageId, out var outgoing) && outgoing.Recipient == sender)
            context.State = context.State with { Outbox = context.State.Outbox.Remove(messageId) };
    }
}
