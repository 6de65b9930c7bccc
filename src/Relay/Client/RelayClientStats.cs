using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// What a <see cref="RelayClient"/> has done since it was created; counters only grow. Every
/// dropped message is counted here (and logged), so a node can expose them as metrics.
/// </summary>
public sealed class RelayClientStats
{
    private readonly long[] _refusedByReason = new long[Enum.GetValues<EnvelopeRefusal>().Length];
    private long _logins;
    private long _messagesSent;
    private long _batchesSent;
    private long _sendRetries;
    private long _quotaRefusals;
    private long _messagesFailed;
    private long _keyLookups;
    private long _keysUnknown;
    private long _keysRefused;
    private long _syncs;
    private long _syncRetries;
    private long _messagesReceived;
    private long _duplicatesDropped;
    private long _malformedDropped;

    /// <summary>Successful logins (the first, and each renewal after a 401).</summary>
    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>Messages the relay confirmed it stored.</summary>
    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary><c>sendToDevice</c> requests the relay confirmed.</summary>
    public long BatchesSent => Interlocked.Read(ref _batchesSent);

    /// <summary><c>sendToDevice</c> attempts that failed for a reason worth retrying (network, 5xx, 429).</summary>
    public long SendRetries => Interlocked.Read(ref _sendRetries);

    /// <summary>Requests the relay refused because a recipient's queue was full.</summary>
    public long QuotaRefusals => Interlocked.Read(ref _quotaRefusals);

    /// <summary>Messages whose send failed for good (the relay refused the request as malformed or too large).</summary>
    public long MessagesFailed => Interlocked.Read(ref _messagesFailed);

    /// <summary>Key directory requests.</summary>
    public long KeyLookups => Interlocked.Read(ref _keyLookups);

    /// <summary>Lookups of an address the relay has no key for (it never logged in); its messages wait.</summary>
    public long KeysUnknown => Interlocked.Read(ref _keysUnknown);

    /// <summary>Keys the directory gave that are not the address's key (a lying or broken relay).</summary>
    public long KeysRefused => Interlocked.Read(ref _keysRefused);

    /// <summary>Syncs answered.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Syncs that failed for a reason worth retrying.</summary>
    public long SyncRetries => Interlocked.Read(ref _syncRetries);

    /// <summary>Messages handed to the node.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Envelopes dropped because their id was seen recently (relay redeliveries).</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicatesDropped);

    /// <summary>Sync entries dropped before any decryption: a <c>from</c> that is no address, a body that is no base64.</summary>
    public long MalformedDropped => Interlocked.Read(ref _malformedDropped);

    /// <summary>Envelopes dropped because they did not open, all reasons together.</summary>
    public long EnvelopesRefused
    {
        get
        {
            long total = 0;
            for (var i = 0; i < _refusedByReason.Length; i++)
                total += Interlocked.Read(ref _refusedByReason[i]);
            return total;
        }
    }

    /// <summary>Envelopes dropped for <paramref name="reason"/>.</summary>
    public long EnvelopesRefusedFor(EnvelopeRefusal reason) => Interlocked.Read(ref _refusedByReason[(int)reason]);

    internal void Login() => Interlocked.Increment(ref _logins);

    internal void BatchSent(int messages)
    {
        Interlocked.Increment(ref _batchesSent);
        Interlocked.Add(ref _messagesSent, messages);
    }

    internal void SendRetry() => Interlocked.Increment(ref _sendRetries);
    internal void QuotaRefusal() => Interlocked.Increment(ref _quotaRefusals);
    internal void MessagesFailedForGood(int messages) => Interlocked.Add(ref _messagesFailed, messages);
    internal void KeyLookup() => Interlocked.Increment(ref _keyLookups);
    internal void KeyUnknown() => Interlocked.Increment(ref _keysUnknown);
    internal void KeyRefused() => Interlocked.Increment(ref _keysRefused);
    internal void Sync() => Interlocked.Increment(ref _syncs);
    internal void SyncRetry() => Interlocked.Increment(ref _syncRetries);
    internal void MessageReceived() => Interlocked.Increment(ref _messagesReceived);
    internal void DuplicateDropped() => Interlocked.Increment(ref _duplicatesDropped);
    internal void MalformedDroppedOne() => Interlocked.Increment(ref _malformedDropped);
    internal void EnvelopeRefused(EnvelopeRefusal reason) => Interlocked.Increment(ref _refusedByReason[(int)reason]);
}
