using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Relay.Server;

/// <summary>
/// The relay's calls (docs/relay.md). Each checks everything it is given before it changes anything;
/// a refusal is a <see cref="RelayRequestException"/>, answered as JSON by <see cref="RelayServer"/>.
/// </summary>
internal sealed partial class RelayEndpoints(RelayServerOptions options, RelayStore store, ChallengeBook challenges, PresenceTracker presence, SyncSignals signals, RelayLimits limits, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Address> _tokens = new(StringComparer.Ordinal);

    public async Task LoginChallengeAsync(HttpContext context)
    {
        limits.CheckLogin(context);
        var body = RelayHttp.ParseObject(await RelayHttp.ReadBodyAsync(context, 4 * 1024).ConfigureAwait(false));
        var address = RelayHttp.ParseAddress(RelayHttp.RequiredString(body, "address"), "address");
        var challenge = challenges.Issue(address);
        await RelayHttp.WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("challenge", challenge.ToString());
            w.WriteString("message", RelayLoginText.For(options.ServerName, address, challenge));
            w.WriteNumber("expires_in_ms", (long)challenges.Lifetime.TotalMilliseconds);
        }).ConfigureAwait(false);
    }

    public async Task LoginAsync(HttpContext context)
    {
        limits.CheckLogin(context);
        var body = RelayHttp.ParseObject(await RelayHttp.ReadBodyAsync(context, 4 * 1024).ConfigureAwait(false));
        var address = RelayHttp.ParseAddress(RelayHttp.RequiredString(body, "address"), "address");
        if (!Hash256.TryParse(RelayHttp.RequiredString(body, "challenge"), out var challenge))
            throw RelayRequestException.BadRequest("'challenge' must be 0x + 64 hex digits");
        var signatureText = RelayHttp.RequiredString(body, "signature");
        if (!Hex.TryDecode(signatureText, out var signatureBytes) || signatureBytes.Length != 65)
            throw RelayRequestException.BadRequest("'signature' must be 0x + 130 hex digits (r ‖ s ‖ v)");
        if (!challenges.TryUse(address, challenge))
            throw new RelayRequestException(StatusCodes.Status401Unauthorized, "unknown_challenge", "this challenge was not issued to this address, was already used or has expired; ask for a new one");
        var digest = Eip191.HashMessage(RelayLoginText.For(options.ServerName, address, challenge));
        byte[] publicKey;
        try
        {
            publicKey = Secp256k1.RecoverPublicKey(digest, Signature.FromBytes(signatureBytes));
        }
        catch (Exception e) when (e is InvalidSignatureException or ArgumentException or FormatException)
        {
            throw new RelayRequestException(StatusCodes.Status401Unauthorized, "invalid_signature", $"the signature does not verify: {e.Message}");
        }
        if (Address.FromPublicKey(publicKey) != address)
            throw new RelayRequestException(StatusCodes.Status401Unauthorized, "invalid_signature", $"the login text was not signed by {address}");
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await store.AddTokenAsync(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)), address, context.RequestAborted).ConfigureAwait(false);
        await store.SavePublicKeyAsync(address, publicKey, context.RequestAborted).ConfigureAwait(false);
        _tokens[token] = address;
        await RelayHttp.WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("access_token", token);
            w.WriteString("address", address.ToString());
        }).ConfigureAwait(false);
    }

    public async Task SendToDeviceAsync(HttpContext context, string txnId)
    {
        var sender = await AuthenticateAsync(context).ConfigureAwait(false);
        if (!TxnIdPattern().IsMatch(txnId))
            throw RelayRequestException.BadRequest("the txnId must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        var body = RelayHttp.ParseObject(await RelayHttp.ReadBodyAsync(context, options.MaxRequestBytes).ConfigureAwait(false));
        if (!body.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array)
            throw RelayRequestException.BadRequest("'messages' must be an array");
        var count = list.GetArrayLength();
        if (count == 0 || count > options.MaxMessagesPerRequest)
            throw RelayRequestException.BadRequest($"a request carries 1 to {options.MaxMessagesPerRequest} messages, this one {count}");
        var messages = new List<OutgoingMessage>(count);
        foreach (var item in list.EnumerateArray())
        {
            var index = messages.Count;
            if (item.ValueKind != JsonValueKind.Object)
                throw RelayRequestException.BadRequest($"messages[{index}] must be an object");
            var to = RelayHttp.ParseAddress(RelayHttp.RequiredString(item, "to"), $"messages[{index}].to");
            if (!item.TryGetProperty("body", out var bodyText) || bodyText.ValueKind != JsonValueKind.String || !bodyText.TryGetBytesFromBase64(out var bytes) || bytes.Length == 0)
                throw RelayRequestException.BadRequest($"messages[{index}].body must be non-empty base64");
            if (bytes.Length > options.MaxMessageBytes)
                throw RelayRequestException.TooLarge($"messages[{index}].body is {bytes.Length} bytes; at most {options.MaxMessageBytes} are accepted");
            messages.Add(new OutgoingMessage(to, bytes));
        }
        var (accepted, stored) = await store.EnqueueAsync(sender, txnId, messages, options.QueueQuotaMessages, options.QueueQuotaBytes, context.RequestAborted).ConfigureAwait(false);
        if (stored)
            foreach (var recipient in messages.Select(m => m.To).Distinct())
                signals.Notify(recipient);
        await RelayHttp.WriteJsonAsync(context, 200, w => w.WriteNumber("accepted", accepted)).ConfigureAwait(false);
    }

    public async Task SyncAsync(HttpContext context)
    {
        var recipient = await AuthenticateAsync(context).ConfigureAwait(false);
        var query = context.Request.Query;
        long? since = query.TryGetValue("since", out var sinceText)
            ? long.TryParse(sinceText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : throw RelayRequestException.BadRequest("'since' must be the next_batch of an earlier sync")
            : null;
        var timeout = Number(query, "timeout", 0, 0, int.MaxValue);
        var limit = Number(query, "limit", options.DefaultSyncLimit, 1, options.MaxSyncLimit);
        var deadline = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Min(timeout, options.MaxSyncTimeoutMs));
        presence.BeginSync(recipient);
        try
        {
            var cancellation = context.RequestAborted;
            if (since is { } acknowledged)
                await store.AcknowledgeAsync(recipient, acknowledged, cancellation).ConfigureAwait(false);
            IReadOnlyList<StoredMessage> messages;
            while (true)
            {
                var wake = signals.Current(recipient);
                messages = await store.ReadAsync(recipient, since ?? 0, limit, cancellation).ConfigureAwait(false);
                var left = deadline - time.GetUtcNow();
                if (messages.Count > 0 || left <= TimeSpan.Zero)
                    break;
                try
                {
                    await wake.WaitAsync(left, time, cancellation).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException)
                {
                    // The client went away; what it did not receive stays queued.
                    return;
                }
            }
            var next = messages.Count > 0 ? messages[^1].Position : since ?? 0;
            await RelayHttp.WriteJsonAsync(context, 200, w =>
            {
                w.WriteString("next_batch", next.ToString(CultureInfo.InvariantCulture));
                w.WriteStartArray("messages");
                foreach (var message in messages)
                {
                    w.WriteStartObject();
                    w.WriteString("from", message.Sender.ToString());
                    w.WriteBase64String("body", message.Body);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }).ConfigureAwait(false);
        }
        finally
        {
            presence.EndSync(recipient);
        }
    }

    public async Task KeysAsync(HttpContext context, string addressText)
    {
        await AuthenticateAsync(context).ConfigureAwait(false);
        var address = RelayHttp.ParseAddress(addressText, "address");
        var publicKey = await store.FindPublicKeyAsync(address, context.RequestAborted).ConfigureAwait(false)
            ?? throw RelayRequestException.NotFound("unknown_address", $"{address} has never logged in to this relay");
        await RelayHttp.WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("address", address.ToString());
            w.WriteString("public_key", Hex.Encode(publicKey));
        }).ConfigureAwait(false);
    }

    public async Task PresenceAsync(HttpContext context, string addressText)
    {
        await AuthenticateAsync(context).ConfigureAwait(false);
        var address = RelayHttp.ParseAddress(addressText, "address");
        var (online, ago) = presence.Of(address);
        await RelayHttp.WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("address", address.ToString());
            w.WriteString("presence", online ? "online" : "offline");
            if (ago is { } value)
                w.WriteNumber("last_active_ago_ms", (long)value.TotalMilliseconds);
            else
                w.WriteNull("last_active_ago_ms");
        }).ConfigureAwait(false);
    }

    public Task HealthAsync(HttpContext context) =>
        RelayHttp.WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("status", "ok");
            w.WriteNumber("queued_messages", store.QueuedMessages);
            w.WriteNumber("online", presence.OnlineCount);
        });

    /// <summary>The address the bearer token was issued to; rate-limited per address.</summary>
    private async Task<Address> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length == 7)
            throw RelayRequestException.Unauthorized("this call needs 'Authorization: Bearer <access_token>' (log in first)");
        var token = header[7..];
        if (!_tokens.TryGetValue(token, out var address))
        {
            var found = token.Length <= 64
                ? await store.FindTokenAsync(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)), context.RequestAborted).ConfigureAwait(false)
                : null;
            address = found ?? throw RelayRequestException.Unauthorized("unknown access token; log in again");
            _tokens[token] = address;
        }
        limits.CheckAddress(address);
        return address;
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max)
    {
        if (!query.TryGetValue(name, out var text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw RelayRequestException.BadRequest($"'{name}' must be a whole number from {min} to {max}");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex TxnIdPattern();
}
