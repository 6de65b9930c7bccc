using Photon.Ethereum;
using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// The messages for one recipient, oldest first, and what the send loop knows about it. Guarded
/// by the sender's lock, except <see cref="Key"/>, which only the send loop touches.
/// </summary>
internal sealed class RecipientQueue(Address recipient)
{
    public Address Recipient { get; } = recipient;

    /// <summary>The recipient as it appears in a request's <c>to</c>.</summary>
    public string RecipientText { get; } = recipient.ToString();

    public Queue<PendingMessage> Items { get; } = new();

    /// <summary>Its checked public key, once the directory gave one.</summary>
    public RecipientKey? Key { get; set; }

    /// <summary>Not sent to before this instant (its key is unknown, or its queue on the relay is full).</summary>
    public DateTimeOffset HeldUntil { get; set; }

    /// <summary>Failures in a row that held it back; sets the length of the next hold.</summary>
    public int Failures { get; set; }

    /// <summary>
    /// Sent alone until its next success: it was in a request refused because some recipient's
    /// quota was full, and the relay's answer does not say which.
    /// </summary>
    public bool Solo { get; set; }

    /// <summary>When it was last part of a stored request (a turn counter): the least recently served go first.</summary>
    public long LastServed { get; set; }
}
