using System.Text.Json.Nodes;

namespace Photon.Node.Api;

/// <summary>
/// The OpenAPI 3.1 description of the REST API, written by hand next to the routes it describes (a test
/// checks that every mapped route is in it). Schemas name the fields of docs/api.md.
/// </summary>
public static class OpenApiDocument
{
    private static readonly (string Method, string Path, string Summary, string[] Body)[] Operations =
    [
        ("get", "/health", "Liveness (no token needed).", []),
        ("get", "/api/v1/openapi.json", "This document (no token needed).", []),
        ("get", "/api/v1/address", "The node's address.", []),
        ("get", "/api/v1/status", "Chain, sync and transport status.", []),
        ("get", "/api/v1/tokens", "Registered tokens this node follows.", []),
        ("put", "/api/v1/tokens/{token}", "Register a token (creates its TokenNetwork).", []),
        ("get", "/api/v1/channels", "This node's channels.", []),
        ("get", "/api/v1/channels/{token}", "This node's channels of one token.", []),
        ("get", "/api/v1/channels/{token}/{partner}", "One channel.", []),
        ("put", "/api/v1/channels", "Open a channel, optionally with a deposit.", ["token_address", "partner_address", "settle_timeout", "total_deposit"]),
        ("patch", "/api/v1/channels/{token}/{partner}", "Deposit, withdraw, close, settle or settle cooperatively (exactly one field).", ["total_deposit", "total_withdraw", "state"]),
        ("post", "/api/v1/payments/{token}/{target}", "Pay; waits for the outcome unless ?async=true.", ["amount", "identifier", "secret", "secret_hash", "lock_timeout"]),
        ("get", "/api/v1/payments", "Payments sent and received.", []),
        ("get", "/api/v1/payments/{token}", "Payments of one token.", []),
        ("get", "/api/v1/payments/{token}/{partner}", "Payments of one token with one partner.", []),
        ("get", "/api/v1/pending_transfers", "Locks pending in this node's channels.", []),
        ("get", "/api/v1/events", "Server-Sent Events of payments and channels; resume with Last-Event-ID.", []),
    ];

    private static readonly string[] PathParameters = ["token", "partner", "target"];

    /// <summary>
    /// The query parameters a route takes, by route pattern (each route has one method that reads a query);
    /// NodeApi refuses any other. Described here so the document and the check cannot disagree.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string[]> QueryParameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["/api/v1/events"] = ["from"],
        ["/api/v1/payments/{token}/{target}"] = ["async"],
    };

    private static readonly Dictionary<string, JsonObject> QuerySchemas = new(StringComparer.Ordinal)
    {
        ["from"] = new() { ["type"] = "integer", ["minimum"] = 0, ["description"] = "first event index to send (Last-Event-ID wins when both are given)" },
        ["async"] = new() { ["type"] = "boolean", ["description"] = "true: answer 202 with the pending payment at once" },
    };

    /// <summary>Every (method, path) the document describes, for the route check.</summary>
    public static IEnumerable<(string Method, string Path)> Routes => Operations.Select(o => (o.Method, o.Path));

    public static JsonObject Create()
    {
        var paths = new JsonObject();
        foreach (var (method, path, summary, body) in Operations)
        {
            if (paths[path] is not JsonObject item)
                paths[path] = item = [];
            var operation = new JsonObject
            {
                ["summary"] = summary,
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject { ["description"] = "success" },
                    ["4XX"] = new JsonObject { ["description"] = "refused", ["content"] = Json("#/components/schemas/Error") },
                    ["5XX"] = new JsonObject { ["description"] = "the node or the chain failed (500 internal_error tells no details)", ["content"] = Json("#/components/schemas/Error") },
                },
            };
            var parameters = new JsonArray();
            foreach (var name in PathParameters.Where(n => path.Contains('{' + n + '}', StringComparison.Ordinal)))
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Address" } });
            foreach (var name in QueryParameters.TryGetValue(path, out var query) ? query : [])
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["schema"] = QuerySchemas[name].DeepClone() });
            if (parameters.Count > 0)
                operation["parameters"] = parameters;
            if (body.Length > 0)
            {
                var properties = new JsonObject();
                foreach (var field in body)
                    properties[field] = new JsonObject { ["type"] = "string" };
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties } } },
                };
            }
            if (path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/v1/openapi.json")
                operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
            item[method] = operation;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "Photon node REST API", ["version"] = "1" },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
                ["schemas"] = new JsonObject
                {
                    ["Address"] = new JsonObject { ["type"] = "string", ["pattern"] = "^0x[0-9a-fA-F]{40}$" },
                    ["Error"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["error"] = new JsonObject { ["type"] = "string" }, ["message"] = new JsonObject { ["type"] = "string" } },
                    },
                },
            },
        };
    }

    private static JsonObject Json(string schema) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = schema } } };
}
