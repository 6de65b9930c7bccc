using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Photon.Node.Api;

/// <summary>
/// A small typed client of the REST API (docs/api.md) for the CLI, <c>photon devnet</c> and tests: JSON in,
/// JSON out, refusals as <see cref="NodeApiCallException"/>.
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

    public Task<JsonNode> RegisterTokenAsync(string token, CancellationToken ct = default) => SendAsync(HttpMethod.Put, $"api/v1/tokens/{token}", null, ct);

    public Task<JsonNode> ChannelsAsync(CancellationToken ct = default) => GetAsync("api/v1/channels", ct);

    public Task<JsonNode> ChannelAsync(string token, string partner, CancellationToken ct = default) => GetAsync($"api/v1/channels/{token}/{partner}", ct);

    public Task<JsonNode> OpenChannelAsync(string token, string partner, string totalDeposit, ulong? settleTimeout = null, CancellationToken ct = default)
    {
        var body = new JsonObject { ["token_address"] = token, ["partner_address"] = partner, ["total_deposit"] = totalDeposit };
        if (settleTimeout is { } timeout)
            body["settle_timeout"] = timeout;
        return SendAsync(HttpMethod.Put, "api/v1/channels", body, ct);
    }

    /// <summary>PATCH with one field: total_deposit, total_withdraw (amounts) or state.</summary>
    public Task<JsonNode> PatchChannelAsync(string token, string partner, string field, string value, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Patch, $"api/v1/channels/{token}/{partner}", new JsonObject { [field] = value }, ct);

    public Task<JsonNode> PayAsync(string token, string target, string amount, string? identifier = null, bool async = false, CancellationToken ct = default)
    {
        var body = new JsonObject { ["amount"] = amount };
        if (identifier is not null)
            body["identifier"] = identifier;
        return SendAsync(HttpMethod.Post, $"api/v1/payments/{token}/{target}" + (async ? "?async=true" : ""), body, ct);
    }

    public Task<JsonNode> PaymentsAsync(CancellationToken ct = default) => GetAsync("api/v1/payments", ct);

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
            throw new NodeApiCallException((int)response.StatusCode, json?["error"]?.GetValue<string>() ?? "error",
                json?["message"]?.GetValue<string>() ?? $"the node answered {(int)response.StatusCode}");
        }
        return json ?? throw new NodeApiCallException((int)response.StatusCode, "bad_response", "the node answered with an empty body");
    }

    public void Dispose() => _http.Dispose();
}
