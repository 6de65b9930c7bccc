namespace Photon.Node.Tests.Api;

public class ApiAuthenticationTests
{
    private const string Token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private const string Partner = "0x70997970c51812dc3a010c7d01b50e179aeb41c3";

    /// <summary>Every call the API has but /health and the OpenAPI document, each with a valid request.</summary>
    public static TheoryData<string, string, string?> Calls() => new()
    {
        { "GET", "/api/v1/address", null },
        { "GET", "/api/v1/status", null },
        { "GET", "/api/v1/tokens", null },
        { "PUT", $"/api/v1/tokens/{Token}", null },
        { "GET", "/api/v1/channels", null },
        { "GET", $"/api/v1/channels/{Token}", null },
        { "GET", $"/api/v1/channels/{Token}/{Partner}", null },
        { "PUT", "/api/v1/channels", $$"""{"token_address":"{{Token}}","partner_address":"{{Partner}}"}""" },
        { "PATCH", $"/api/v1/channels/{Token}/{Partner}", """{"state":"closed"}""" },
        { "POST", $"/api/v1/payments/{Token}/{Partner}", """{"amount":"1"}""" },
        { "GET", "/api/v1/payments", null },
        { "GET", $"/api/v1/payments/{Token}", null },
        { "GET", $"/api/v1/payments/{Token}/{Partner}", null },
        { "GET", "/api/v1/pending_transfers", null },
        { "GET", "/api/v1/events", null },
        { "GET", "/api/v1/no_such_call", null },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Refuses_every_call_without_a_token_with_401_and_never_calls_the_application(string method, string path, string? body)
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(new HttpMethod(method), path, body, token: null);
        Assert.Equal(401, status);
        Assert.Equal("unauthorized", json.GetProperty("error").GetString());
        Assert.Contains("Authorization: Bearer", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.App.Calls);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Refuses_every_call_with_a_wrong_token_with_401_and_never_calls_the_application(string method, string path, string? body)
    {
        await using var server = await ApiServer.StartAsync();
        foreach (var wrong in new[] { ApiServer.Token + "x", ApiServer.Token[..^1], "", ApiServer.Token.ToUpperInvariant() })
        {
            var (status, json) = await server.CallAsync(new HttpMethod(method), path, body, token: wrong);
            Assert.Equal(401, status);
            Assert.Equal("unauthorized", json.GetProperty("error").GetString());
        }
        Assert.Empty(server.App.Calls);
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Answers_every_call_with_the_right_token(string method, string path, string? body)
    {
        await using var server = await ApiServer.StartAsync();
        // The event stream never ends by itself: read its headers only.
        using var response = await server.Http.SendAsync(Request(method, path, body, $"Bearer {ApiServer.Token}"), HttpCompletionOption.ResponseHeadersRead);
        Assert.True((int)response.StatusCode is >= 200 and < 300 || path.EndsWith("no_such_call", StringComparison.Ordinal), $"{method} {path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_token_in_another_scheme_is_refused()
    {
        await using var server = await ApiServer.StartAsync();
        using var response = await server.Http.SendAsync(Request("GET", "/api/v1/address", null, $"Basic {ApiServer.Token}"));
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(server.App.Calls);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/v1/openapi.json")]
    public async Task Health_and_the_OpenAPI_document_need_no_token(string path)
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Get, path, token: null);
        Assert.Equal(200, status);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, json.ValueKind);
    }

    [Fact]
    public async Task An_unknown_call_with_the_token_is_a_404_in_JSON()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, json) = await server.CallAsync(HttpMethod.Delete, "/api/v1/channels");
        Assert.Equal(404, status);
        Assert.Equal("not_found", json.GetProperty("error").GetString());
    }

    private static HttpRequestMessage Request(string method, string path, string? body, string authorization)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }
}
