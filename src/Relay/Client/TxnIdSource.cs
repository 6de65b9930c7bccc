using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace Photon.Relay.Client;

/// <summary>
/// Transaction ids for <c>sendToDevice</c>: a random prefix per client instance and a counter.
/// The relay answers a known (sender, txnId) without storing anything, so an id must never be
/// reused for other messages — not even by the same node after a restart, hence the random prefix.
/// Ids use only <c>[A-Za-z0-9_-]</c> and are at most 43 characters (the relay allows 64).
/// </summary>
internal sealed class TxnIdSource
{
    private readonly string _prefix = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
    private long _counter;

    public string Next() => _prefix + "-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
}
