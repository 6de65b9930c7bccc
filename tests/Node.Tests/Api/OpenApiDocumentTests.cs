using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Photon.Node.Tests.Api;

public class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_mapped_route_and_method_is_in_the_OpenAPI_document_and_nothing_else()
    {
        await using var server = await ApiServer.StartAsync();
        var (status, document) = await server.CallAsync(HttpMethod.Get, "/api/v1/openapi.json", token: null);
        Assert.Equal(200, status);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);

        var mapped = server.Web.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null && !e.RoutePattern.RawText!.Contains('*', StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m.ToUpperInvariant()} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(17, mapped.Count);
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task The_document_names_the_query_parameters_the_API_accepts_and_no_others()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, document) = await server.CallAsync(HttpMethod.Get, "/api/v1/openapi.json", token: null);
        var query = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().SelectMany(method =>
                method.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => $"{method.Name.ToUpperInvariant()} {path.Name} {p.GetProperty("name").GetString()}")
                    : []))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(["GET /api/v1/events from", "POST /api/v1/payments/{token}/{target} async"], query);

        // Each documented one is taken; the same name on another call is refused.
        var (status, _) = await server.CallAsync(HttpMethod.Post, "/api/v1/payments/0x5fbdb2315678afecb367f032d93f642f64180aa3/0x70997970c51812dc3a010c7d01b50e179aeb41c3?async=true", """{"amount":"1"}""");
        Assert.Equal(202, status);
        var (refused, error) = await server.CallAsync(HttpMethod.Get, "/api/v1/payments?async=true");
        Assert.Equal((400, "invalid_query"), (refused, error.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Every_reference_in_the_document_resolves()
    {
        await using var server = await ApiServer.StartAsync();
        var (_, document) = await server.CallAsync(HttpMethod.Get, "/api/v1/openapi.json", token: null);
        var references = new List<string>();
        Collect(document, references);
        Assert.NotEmpty(references);
        foreach (var reference in references.Distinct())
        {
            var node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
                Assert.True(node.TryGetProperty(part, out node), $"{reference} does not resolve");
        }
    }

    private static void Collect(JsonElement element, List<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "$ref")
                    references.Add(property.Value.GetString()!);
                else
                    Collect(property.Value, references);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(item, references);
        }
    }
}
