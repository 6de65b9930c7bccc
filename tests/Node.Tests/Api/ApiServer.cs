using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Photon.Node.Api;

namespace Photon.Node.Tests.Api;

/// <summary>The REST API on a real Kestrel at a free loopback port (port 0), over a <see cref="RecordingApplication"/>.</summary>
internal sealed class ApiServer : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";

    private ApiServer(WebApplication web, RecordingApplication app, Uri url)
    {
        Web = web;
        App = app;
        Url = url;
        Http = new HttpClient { BaseAddress = url };
    }

    public WebApplication Web { get; }

    public RecordingApplication App { get; }

    public Uri Url { get; }

    /// <summary>No credentials by default: each request adds its own.</summary>
    public HttpClient Http { get; }

    public static async Task<ApiServer> StartAsync(RecordingApplication? app = null)
    {
        app ??= new RecordingApplication();
        var web = NodeApi.Build(app, new NodeApiOptions("http://127.0.0.1:0", Token));
        await web.StartAsync();
        return new ApiServer(web, app, new Uri(NodeApi.Addresses(web).Single()));
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? token = Token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    /// <summary>The status and the parsed JSON body of a call.</summary>
    public async Task<(int Status, JsonElement Body)> CallAsync(HttpMethod method, string path, string? body = null, string? token = Token)
    {
        using var response = await SendAsync(method, path, body, token);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Web.StopAsync();
        await Web.DisposeAsync();
    }
}
