using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Photon.Node.Api;

/// <summary>
/// A small typed client of the REST API (docs/api.md) for the CLI, <c>photon devnet</c> and tests: JSON in,
/// JSON out, refusals as <see cref="NodeApiCallException"/>. Values go as given (strings as the user typed
/// them): the API is the one place that checks them, so the CLI and a wallet get the same answers.
/// </summary>
public sealed class NodeApiClient : IDisposable
{
    private readonly HttpClient _http;

    public NodeApiClient(Uri baseUrl, string token, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Uri BaseUrl => _http.BaseAddress!;

    public async Task<string> AddressAsync(CancellationToken ct = default) =>
        (await GetAsync("api/v1/address", ct).ConfigureAwait(false))["our_address"]!.GetValue<string>();

    public Task<JsonNode> StatusAsync(CancellationToken ct = default) => GetAsync("api/v1/status", ct);

    public Task<JsonNode> TokensAsync(CancellationToken ct = default) => GetAsync("api/v1/tokens", ct);

    public Task<JsonNode> RegisterTokenAsync(string token, CancellationToken ct = default) => SendAsync(HttpMethod.Put, Path("tokens", token), null, ct);

    public Task<JsonNode> ChannelsAsync(CancellationToken ct = default) => GetAsync("api/v1/channels", ct);

    /// <summary>The channels of one token (when given); with a partner too, the one channel (an object, not a list).</summary>
    public Task<JsonNode> ChannelsAsync(string? token, string? partner, CancellationToken ct = default) =>
        partner is not null && token is null
            ? throw new ArgumentException("a partner filter needs a token", nameof(partner))
            : GetAsync(Path("channels", token, partner), ct);

    public Task<JsonNode> ChannelAsync(string token, string partner, CancellationToken ct = default) => GetAsync(Path("channels", token, partner), ct);

    /// <summary>Opens a channel; a null <paramref name="totalDeposit"/> opens it without a deposit.</summary>
    public Task<JsonNode> OpenChannelAsync(string token, string partner, string? totalDeposit, ulong? settleTimeout = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["token_address"] = token, ["partner_address"] = partner };
        if (totalDeposit is not null)
            body["total_deposit"] = totalDeposit;
        if (settleTimeout is { } timeout)
            body["settle_timeout"] = timeout;
        return SendAsync(HttpMethod.Put, "api/v1/channels", body, ct);
    }

    /// <summary>PATCH with one field: total_deposit, total_withdraw (amounts) or state.</summary>
    public Task<JsonNode> PatchChannelAsync(string token, string partner, string field, string value, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, Path("channels", token, partner), new JsonObject { [field] = value }, ct);

    /// <summary>Pays; null options are left to the node. Waits for the outcome unless <paramref name="async"/>.</summary>
    public Task<JsonNode> PayAsync(
        string token, string target, string amount, string? identifier = null, string? secret = null, string? secretHash = null,
        ulong? lockTimeout = null, bool async = false, CancellationToken ct = default)
    {
        var body = new JsonObject { ["amount"] = amount };
        if (identifier is not null)
            body["identifier"] = identifier;
        if (secret is not null)
            body["secret"] = secret;
        if (secretHash is not null)
            body["secret_hash"] = secretHash;
        if (lockTimeout is { } blocks)
            body["lock_timeout"] = blocks;
        return SendAsync(HttpMethod.Post, Path("payments", token, target) + (async ? "?async=true" : ""), body, ct);
    }

    public Task<JsonNode> PaymentsAsync(CancellationToken ct = default) => GetAsync("api/v1/payments", ct);

    /// <summary>Payments of one token (when given), and with one partner (target or initiator) too.</summary>
    public Task<JsonNode> PaymentsAsync(string? token, string? partner, CancellationToken ct = default) =>
        partner is not null && token is null
            ? throw new ArgumentException("a partner filter needs a token", nameof(partner))
            : GetAsync(Path("payments", token, partner), ct);

    public Task<JsonNode> GetAsync(string path, CancellationToken ct = default) => SendAsync(HttpMethod.Get, path, null, ct);

    public async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonNode? json;
        try
        {
            json = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new NodeApiCallException((int)response.StatusCode, "bad_response", $"the node answered {(int)response.StatusCode} with something that is not JSON");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new NodeApiCallException((int)response.StatusCode, Text(json, "error") ?? "error",
                Text(json, "message") ?? $"the node answered {(int)response.StatusCode}");
        }
        return json ?? throw new NodeApiCallException((int)response.StatusCode, "bad_response", "the node answered with an empty body");
    }

    // A refusal from something that is not the node (a proxy) may be any JSON: read what is there, never throw.
    private static string? Text(JsonNode? json, string name) =>
        json is JsonObject body && body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // Path segments are escaped: whatever a user typed stays one segment (no "../" walks), for the API to judge.
    private static string Path(string resource, string? first, string? second = null) =>
        string.Join('/', new[] { "api/v1", resource, first is null ? null : Uri.EscapeDataString(first), second is null ? null : Uri.EscapeDataString(second) }.OfType<string>());

    public void Dispose() => _http.Dispose();
}
