using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Photon.Ethereum;

namespace Photon.Relay.Client;

/// <summary>
/// The relay's HTTP calls (docs/relay.md) for one node: login and its access token, and one
/// attempt of each call. Retrying is the callers' business; a stale token is not — a 401 logs in
/// again and repeats the call once. Thread-safe.
/// </summary>
internal sealed partial class RelayApi : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly RelayClientOptions _options;
    private readonly TimeProvider _time;
    private readonly RelayClientStats _stats;
    private readonly ILogger _logger;
    private readonly Uri _base;
    private readonly SemaphoreSlim _loginLock = new(1, 1);
    private volatile string? _token;

    public RelayApi(HttpClient http, RelayClientOptions options, TimeProvider time, RelayClientStats stats, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _stats = stats;
        _logger = logger;
        // Relative paths resolve under the base only when it ends in '/'.
        var text = options.BaseAddress.AbsoluteUri;
        _base = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    public Address Address => _options.Key.Address;

    /// <summary>Logs in unless a token is at hand.</summary>
    public async Task EnsureLoggedInAsync(CancellationToken cancellationToken) => await TokenAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Stores the (already JSON) request; only the status matters, so a 200 is success whatever its body.</summary>
    public async Task SendToDeviceAsync(string txnId, byte[] json, CancellationToken cancellationToken) =>
        await CallAsync(HttpMethod.Put, "relay/v1/sendToDevice/" + txnId, json, _options.RequestTimeout, readAnswer: false, cancellationToken).ConfigureAwait(false);

    /// <summary>One long poll. <paramref name="since"/> acknowledges everything up to it; null reads from the oldest message.</summary>
    public async Task<SyncAnswer> SyncAsync(string? since, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"relay/v1/sync?timeout={(long)_options.SyncTimeout.TotalMilliseconds}&limit={_options.SyncLimit}");
        if (since is not null)
            path += "&since=" + Uri.EscapeDataString(since);
        using var answer = await CallAsync(HttpMethod.Get, path, null, _options.SyncTimeout + _options.RequestTimeout, readAnswer: true, cancellationToken).ConfigureAwait(false);
        var root = answer!.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("next_batch", out var next) || next.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(next.GetString())
            || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            throw Malformed("sync", "it needs a 'next_batch' string and a 'messages' array");
        var entries = new List<SyncEntry>(messages.GetArrayLength());
        foreach (var item in messages.EnumerateArray())
            entries.Add(new SyncEntry(StringProperty(item, "from"), StringProperty(item, "body")));
        return new SyncAnswer(next.GetString()!, entries);
    }

    /// <summary>The directory's answer for <paramref name="address"/>, or null when the relay knows no key for it (404).</summary>
    public Task<JsonDocument?> KeyAsync(Address address, CancellationToken cancellationToken) =>
        GetOrNotFoundAsync("relay/v1/keys/" + address, cancellationToken);

    public async Task<JsonDocument> PresenceAsync(Address address, CancellationToken cancellationToken) =>
        (await CallAsync(HttpMethod.Get, "relay/v1/presence/" + address, null, _options.RequestTimeout, readAnswer: true, cancellationToken).ConfigureAwait(false))!;

    public void Dispose() => _loginLock.Dispose();

    internal static RelayCallException Malformed(string call, string problem) =>
        new($"the relay's answer to {call} is malformed: {problem}", 200, "malformed_response", isTransient: true);

    private async Task<JsonDocument?> GetOrNotFoundAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(HttpMethod.Get, path, null, _options.RequestTimeout, readAnswer: true, cancellationToken).ConfigureAwait(false);
        }
        catch (RelayCallException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>An authorized call; a 401 logs in again and repeats it once.</summary>
    private async Task<JsonDocument?> CallAsync(HttpMethod method, string path, byte[]? body, TimeSpan timeout, bool readAnswer, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
        var answer = await ExchangeAsync(method, path, body, token, timeout, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.Unauthorized)
        {
            token = await RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
            answer = await ExchangeAsync(method, path, body, token, timeout, cancellationToken).ConfigureAwait(false);
        }
        // A 401 right after a fresh login is the relay's trouble (e.g. it lost its token store); worth retrying later.
        return Interpret(answer, $"{method} {Describe(path)}", readAnswer, transientUnauthorized: true);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken) =>
        _token ?? await RenewTokenAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>Logs in, unless another caller already replaced <paramref name="stale"/>; one login at a time.</summary>
    private async Task<string> RenewTokenAsync(string? stale, CancellationToken cancellationToken)
    {
        await _loginLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _token;
            if (current is not null && current != stale)
                return current;
            _token = null;
            try
            {
                current = await LoginAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RelayLoginException e) when (e.InnerException is RelayCallException { ErrorCode: "unknown_challenge" })
            {
                // The challenge expired or was forgotten by a restarted relay between our two calls: one more try.
                current = await LoginAsync(cancellationToken).ConfigureAwait(false);
            }
            _token = current;
            _stats.Login();
            LogLoggedIn(_logger, Address, _base.Authority);
            return current;
        }
        finally
        {
            _loginLock.Release();
        }
    }

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        var address = Address;
        using var challengeAnswer = await LoginCallAsync("relay/v1/login/challenge", w => w.WriteString("address", address.ToString()), cancellationToken).ConfigureAwait(false);
        var root = challengeAnswer.RootElement;
        if (!Hash256.TryParse(StringProperty(root, "challenge"), out var challenge) || StringProperty(root, "message") is not { } text)
            throw Malformed("login/challenge", "it needs a 'challenge' of 32 bytes in hex and a 'message'");
        var expected = RelayLoginText.For(_options.ServerName, address, challenge);
        if (!string.Equals(text, expected, StringComparison.Ordinal))
            throw new RelayLoginException(
                $"the relay asks us to sign a login text other than the one for relay '{_options.ServerName}', {address} and its challenge; " +
                "check the configured server name (a relay that asks for another relay's login text is refused)");
        var signature = _options.Key.SignMessage(expected);
        using var loginAnswer = await LoginCallAsync("relay/v1/login", w =>
        {
            w.WriteString("address", address.ToString());
            w.WriteString("challenge", challenge.ToString());
            w.WriteString("signature", signature.ToString());
        }, cancellationToken).ConfigureAwait(false);
        var token = StringProperty(loginAnswer.RootElement, "access_token");
        if (string.IsNullOrEmpty(token) || !Address.TryParse(StringProperty(loginAnswer.RootElement, "address"), out var loggedIn))
            throw Malformed("login", "it needs an 'access_token' and an 'address'");
        if (loggedIn != address)
            throw new RelayLoginException($"the relay logged us in as {loggedIn}, not as {address}");
        return token;
    }

    /// <summary>A login call: no token; a refusal other than a transient one is a <see cref="RelayLoginException"/>.</summary>
    private async Task<JsonDocument> LoginCallAsync(string path, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken)
    {
        var answer = await ExchangeAsync(HttpMethod.Post, path, Json(writeBody), null, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            return Interpret(answer, $"POST {path}", readAnswer: true, transientUnauthorized: false)!;
        }
        catch (RelayCallException e) when (!e.IsTransient)
        {
            throw new RelayLoginException($"the relay refused to log in {Address}: {e.Message}", e);
        }
    }

    internal static byte[] Json(Action<Utf8JsonWriter> writeBody)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeBody(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static JsonDocument? Interpret(Answer answer, string call, bool readAnswer, bool transientUnauthorized)
    {
        var status = (int)answer.Status;
        if (status is >= 200 and < 300)
        {
            if (!readAnswer)
                return null;
            try
            {
                return JsonDocument.Parse(answer.Body);
            }
            catch (JsonException e)
            {
                throw new RelayCallException($"{call}: the answer is not JSON ({e.Message})", status, "malformed_response", isTransient: true, innerException: e);
            }
        }
        var (code, message) = ReadError(answer.Body);
        var transient = status >= 500 || answer.Status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (transientUnauthorized && answer.Status == HttpStatusCode.Unauthorized);
        throw new RelayCallException($"{call}: HTTP {status} {code}: {message}", status, code, transient, answer.RetryAfter);
    }

    private static (string Code, string Message) ReadError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var code = StringProperty(document.RootElement, "error");
            var message = StringProperty(document.RootElement, "message");
            if (code is not null)
                return (Truncate(code, 64), Truncate(message ?? "", 300));
        }
        catch (JsonException)
        {
        }
        return ("unknown", "the answer carries no error object");
    }

    private async Task<Answer> ExchangeAsync(HttpMethod method, string path, byte[]? body, string? token, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(_base, path));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonMediaType;
            }
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var bytes = await ReadBodyAsync(response, method, path, linked.Token).ConfigureAwait(false);
            return new Answer(response.StatusCode, bytes, RetryAfter(response));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RelayCallException($"{method} {Describe(path)}: no answer within {timeout.TotalSeconds:0.###} s", null, "timeout", isTransient: true, innerException: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new RelayCallException($"{method} {Describe(path)}: {e.Message}", null, "network", isTransient: true, innerException: e);
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
            throw TooLarge(method, path, limit);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var memory = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (memory.Length + read > limit)
                    throw TooLarge(method, path, limit);
                memory.Write(chunk, 0, read);
            }
            return memory.ToArray();
        }
    }

    private static RelayCallException TooLarge(HttpMethod method, string path, int limit) =>
        new($"{method} {Describe(path)}: the answer exceeds the limit of {limit} bytes", 200, "malformed_response", isTransient: true);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - _time.GetUtcNow();
        return null;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Paths carry no secrets; the query is dropped to keep log lines short.
    private static string Describe(string path) => "/" + (path.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? path[..q] : path);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Logged in to the relay at {Relay} as {Address}")]
    private static partial void LogLoggedIn(ILogger logger, Address address, string relay);

    private sealed record Answer(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter);
}
