using System.Text.Json;
using Microsoft.Extensions.Logging;
using Photon.Ethereum;
using Photon.Relay.Crypto;

namespace Photon.Relay.Client;

/// <summary>
/// Recipients' public keys from the relay's directory, each checked against its address before
/// use and then kept (an address's key never changes). Thread-safe.
/// </summary>
internal sealed partial class KeyDirectory(RelayApi api, int capacity, RelayClientStats stats, ILogger logger)
{
    private readonly LruCache<Address, RecipientKey> _keys = new(capacity);

    /// <summary>
    /// The checked key of <paramref name="address"/>, or null when the relay has none (the address
    /// never logged in) or gave a wrong one. Failures worth retrying throw <see cref="RelayCallException"/>.
    /// </summary>
    public async Task<RecipientKey?> LookupAsync(Address address, CancellationToken cancellationToken)
    {
        if (_keys.TryGet(address, out var known))
            return known;
        stats.KeyLookup();
        using var answer = await api.KeyAsync(address, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            stats.KeyUnknown();
            LogUnknown(logger, address);
            return null;
        }
        if (!TryRead(answer.RootElement, address, out var key, out var problem))
        {
            stats.KeyRefused();
            LogRefused(logger, address, problem);
            return null;
        }
        _keys.Set(address, key);
        return key;
    }

    private static bool TryRead(JsonElement root, Address address, out RecipientKey key, out string problem)
    {
        key = null!;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("address", out var named) || !Address.TryParse(named.ValueKind == JsonValueKind.String ? named.GetString() : null, out var answeredFor)
            || !root.TryGetProperty("public_key", out var hex) || !Hex.TryDecode(hex.ValueKind == JsonValueKind.String ? hex.GetString() : null, out var publicKey))
        {
            problem = "the answer needs an 'address' and a hex 'public_key'";
            return false;
        }
        if (answeredFor != address)
        {
            problem = $"the answer is about {answeredFor}";
            return false;
        }
        if (!RecipientKey.TryCreate(address, publicKey, out var checkedKey, out problem))
            return false;
        key = checkedKey;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The relay knows no key for {Address} (it never logged in); its messages wait")]
    private static partial void LogUnknown(ILogger logger, Address address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the relay's key for {Address}: {Problem}; its messages wait")]
    private static partial void LogRefused(ILogger logger, Address address, string problem);
}
