using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Relay.Tests.Client;

/// <summary>
/// An in-memory stand-in for the relay's HTTP surface (docs/relay.md), just enough to drive the
/// client's requests: challenge login with signature check, tokens, sendToDevice with txnIds,
/// sync with acknowledgement by since, key directory, presence. Tests can script failures.
/// </summary>
internal sealed class FakeRelayHandler : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Address> _tokens = [];
    private readonly Dictionary<Address, byte[]> _keys = [];
    private readonly Dictionary<(Address, string), int> _txns = [];
    private readonly List<(long Position, Address To, Address From, string Body)> _queue = [];
    private long _position;
    private int _tokenCounter;

    /// <summary>The server name in the login text it asks to sign.</summary>
    public string ServerName { get; set; } = "relay.test";

    /// <summary>Every request, as "METHOD /path".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers to give before normal handling, keyed by the path's start (e.g. "/relay/v1/presence").</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<HttpResponseMessage>> Scripted { get; } = new();

    /// <summary>Replaces the directory's answer (a lying relay).</summary>
    public Func<Address, byte[]?>? KeyOverride { get; set; }

    public ConcurrentDictionary<Address, string> Presence { get; } = new();

    public void Script(string pathStart, HttpResponseMessage response) =>
        Scripted.GetOrAdd(pathStart, _ => new ConcurrentQueue<HttpResponseMessage>()).Enqueue(response);

    public void ForgetTokens()
    {
        lock (_lock)
            _tokens.Clear();
    }

    public static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Enqueue($"{request.Method} {path}");
        foreach (var (start, queue) in Scripted)
        {
            if (path.StartsWith(start, StringComparison.Ordinal) && queue.TryDequeue(out var scripted))
                return scripted;
        }
        JsonElement? body = request.Content is null ? null : JsonDocument.Parse(await request.Content.ReadAsByteArrayAsync(cancellationToken)).RootElement;
        if (path == "/relay/v1/login/challenge")
        {
            var address = Address.Parse(body!.Value.GetProperty("address").GetString()!);
            var challenge = new Hash256(Enumerable.Repeat((byte)7, 32).ToArray());
            return Json(HttpStatusCode.OK, new { challenge = challenge.ToString(), message = Text(ServerName, address, challenge), expires_in_ms = 300_000 });
        }
        if (path == "/relay/v1/login")
        {
            var address = Address.Parse(body!.Value.GetProperty("address").GetString()!);
            var text = Text("relay.test", address, Hash256.Parse(body.Value.GetProperty("challenge").GetString()!));
            var publicKey = Secp256k1.RecoverPublicKey(Eip191.HashMessage(text), Signature.Parse(body.Value.GetProperty("signature").GetString()!));
            if (Address.FromPublicKey(publicKey) != address)
                return Json(HttpStatusCode.Unauthorized, new { error = "invalid_signature", message = "no" });
            lock (_lock)
            {
                var token = "token" + ++_tokenCounter;
                _tokens[token] = address;
                _keys[address] = publicKey;
                return Json(HttpStatusCode.OK, new { access_token = token, address = address.ToString() });
            }
        }
        Address caller;
        lock (_lock)
        {
            if (request.Headers.Authorization?.Parameter is not { } presented || !_tokens.TryGetValue(presented, out caller))
                return Json(HttpStatusCode.Unauthorized, new { error = "unauthorized", message = "log in" });
        }
        if (path.StartsWith("/relay/v1/sendToDevice/", StringComparison.Ordinal))
        {
            var txn = path["/relay/v1/sendToDevice/".Length..];
            lock (_lock)
            {
                if (!_txns.ContainsKey((caller, txn)))
                {
                    var messages = body!.Value.GetProperty("messages").EnumerateArray().ToList();
                    foreach (var m in messages)
                        _queue.Add((++_position, Address.Parse(m.GetProperty("to").GetString()!), caller, m.GetProperty("body").GetString()!));
                    _txns[(caller, txn)] = messages.Count;
                }
                return Json(HttpStatusCode.OK, new { accepted = _txns[(caller, txn)] });
            }
        }
        if (path == "/relay/v1/sync")
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri.Query);
            var since = query["since"] is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : (long?)null;
            var deadline = DateTime.UtcNow.AddMilliseconds(Math.Min(200, int.Parse(query["timeout"] ?? "0", CultureInfo.InvariantCulture)));
            while (true)
            {
                lock (_lock)
                {
                    if (since is { } acknowledged)
                        _queue.RemoveAll(m => m.To == caller && m.Position <= acknowledged);
                    var mine = _queue.Where(m => m.To == caller && m.Position > (since ?? 0)).ToList();
                    if (mine.Count > 0 || DateTime.UtcNow >= deadline)
                    {
                        var next = mine.Count > 0 ? mine[^1].Position : since ?? 0;
                        return Json(HttpStatusCode.OK, new
                        {
                            next_batch = next.ToString(CultureInfo.InvariantCulture),
                            messages = mine.Select(m => new { from = m.From.ToString(), body = m.Body }).ToArray(),
                        });
                    }
                }
                await Task.Delay(5, cancellationToken);
            }
        }
        if (path.StartsWith("/relay/v1/keys/", StringComparison.Ordinal))
        {
            var address = Address.Parse(path["/relay/v1/keys/".Length..]);
            byte[]? key;
            lock (_lock)
                key = KeyOverride is { } lie ? lie(address) : _keys.GetValueOrDefault(address);
            return key is null
                ? Json(HttpStatusCode.NotFound, new { error = "unknown_address", message = "never logged in" })
                : Json(HttpStatusCode.OK, new { address = address.ToString(), public_key = Hex.Encode(key) });
        }
        if (path.StartsWith("/relay/v1/presence/", StringComparison.Ordinal))
        {
            var address = Address.Parse(path["/relay/v1/presence/".Length..]);
            return Presence.TryGetValue(address, out var json)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") }
                : Json(HttpStatusCode.OK, new { address = address.ToString(), presence = "offline", last_active_ago_ms = (long?)null });
        }
        return Json(HttpStatusCode.NotFound, new { error = "not_found", message = path });
    }

    private static string Text(string serverName, Address address, Hash256 challenge) =>
        $"Photon relay login\nrelay: {serverName}\naddress: {address}\nchallenge: {challenge}";
}
