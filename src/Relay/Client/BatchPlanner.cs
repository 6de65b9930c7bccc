using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// Chooses the messages of one <c>sendToDevice</c> request from the recipients' queues. Pure.
/// Invariants: a recipient's messages are taken from the front of its queue, in order, without
/// gaps; the request holds at most <c>maxMessages</c> and, unless it is a single message, at most
/// <c>maxBytes</c> of JSON; recipients take turns one message at a time, so a long backlog for one
/// peer does not hold back a single message for another.
/// </summary>
internal static class BatchPlanner
{
    /// <summary><c>{"messages":[</c> … <c>]}</c>.</summary>
    public const int RequestFraming = 15;

    /// <summary><c>{"to":"0x…40…","body":""},</c> around the base64 body.</summary>
    public const int PerMessageFraming = 62;

    /// <summary>The JSON bytes one message of <paramref name="signedMessageLength"/> bytes adds to a request.</summary>
    public static int EncodedSize(int signedMessageLength)
    {
        var sealedLength = RelayEnvelope.Overhead + signedMessageLength;
        return PerMessageFraming + 4 * ((sealedLength + 2) / 3);
    }

    /// <summary>
    /// How many messages to take from the front of each backlog (same order as <paramref name="backlogs"/>).
    /// Each backlog lists the encoded sizes of its first messages, in queue order.
    /// </summary>
    public static int[] Plan(IReadOnlyList<IReadOnlyList<int>> backlogs, int maxMessages, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(backlogs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var taken = new int[backlogs.Count];
        var closed = new bool[backlogs.Count];
        var messages = 0;
        var bytes = RequestFraming;
        var open = backlogs.Count;
        for (var i = 0; i < backlogs.Count; i++)
        {
            if (backlogs[i].Count == 0)
            {
                closed[i] = true;
                open--;
            }
        }
        while (open > 0 && messages < maxMessages)
        {
            for (var i = 0; i < backlogs.Count && messages < maxMessages; i++)
            {
                if (closed[i])
                    continue;
                var size = backlogs[i][taken[i]];
                // The first message always goes, however large, so that a queue never stalls.
                if (messages > 0 && bytes + size > maxBytes)
                {
                    // Later messages of this recipient may not jump ahead of this one.
                    closed[i] = true;
                    open--;
                    continue;
                }
                taken[i]++;
                messages++;
                bytes += size;
                if (taken[i] == backlogs[i].Count)
                {
                    closed[i] = true;
                    open--;
                }
            }
        }
        return taken;
    }
}
