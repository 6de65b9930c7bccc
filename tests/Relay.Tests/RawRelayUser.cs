using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Relay.Tests;

/// <summary>
/// Drives the relay's HTTP calls by hand (no client library), to test the server's answers exactly:
/// one key, one access token once logged in.
/// </summary>
public sealed class RawRelayUser : IDisposable
{
    private readonly HttpClient _http;

    public RawRelayUser(Uri relay, PrivateKey key)
    {
        _http = new HttpClient { BaseAddress = relay, Timeout = TimeSpan.FromSeconds(60) };
        Key = key;
    }

    public PrivateKey Key { get; }

    public Address Address => Key.Address;

    public string? Token { get; set; }

    public static RawRelayUser Random(Uri relay) => new(relay, PrivateKey.Generate());

    public async Task<RawRelayUser> LoginAsync()
    {
        var challenge = await PostAsync("relay/v1/login/challenge", new JsonObject { ["address"] = Address.ToString() });
        Assert.Equal(HttpStatusCode.OK, challenge.Status);
        var message = challenge.Body["message"]!.GetValue<string>();
        var login = await PostAsync("relay/v1/login", new JsonObject
        {
            ["address"] = Address.ToString(),
            ["challenge"] = challenge.Body["challenge"]!.GetValue<string>(),
            ["signature"] = Key.SignMessage(message).ToString(),
        });
        Assert.True(login.Status == HttpStatusCode.OK, login.ToString());
        Token = login.Body["access_token"]!.GetValue<string>();
        return this;
    }

    public Task<RawAnswer> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<RawAnswer> SendToDeviceAsync(string txnId, params (Address To, byte[] Body)[] messages) =>
        SendAsync(HttpMethod.Put, $"relay/v1/sendToDevice/{txnId}", JsonContent.Create(new JsonObject
        {
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["to"] = m.To.ToString(), ["body"] = Convert.ToBase64String(m.Body) })]),
        }));

    public Task<RawAnswer> SyncAsync(string? since = null, int timeoutMs = 0) =>
        SendAsync(HttpMethod.Get, $"relay/v1/sync?timeout={timeoutMs}" + (since is null ? "" : $"&since={since}"), null);

    public async Task<RawAnswer> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (Token is not null)
            request.Headers.Authorization = new("Bearer", Token);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            body = new JsonObject { ["raw"] = text };
        }
        return new RawAnswer(response.StatusCode, body, response.Headers.RetryAfter?.Delta);
    }

    public void Dispose()
    {
        _http.Dispose();
        Key.Dispose();
    }
}

/// <summary>An HTTP answer: status and JSON body.</summary>
public sealed record RawAnswer(HttpStatusCode Status, JsonObject Body, TimeSpan? RetryAfter)
{
    public string? Error => Body["error"]?.GetValue<string>();

    public JsonArray Messages => Body["messages"]!.AsArray();

    public override string ToString() => $"{(int)Status} {Body.ToJsonString()}";
}
