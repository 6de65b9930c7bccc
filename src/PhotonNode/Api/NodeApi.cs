using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Photon.Ethereum;
using Photon.Node.Application;

namespace Photon.Node.Api;

/// <summary>
/// The REST API under <c>/api/v1</c> (docs/api.md): thin calls into <see cref="INodeApplication"/>. Every
/// call but <c>/health</c> and the OpenAPI document needs the bearer token; every refusal is JSON
/// <c>{error, message}</c> with the status of docs/node.md, and changes nothing.
/// </summary>
public static partial class NodeApi
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] PatchFields = ["total_deposit", "total_withdraw", "state"];

    public static WebApplication Build(INodeApplication app, NodeApiOptions options, LogLevel minimumLog = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(minimumLog);
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 2L * ApiRequest.MaxBodyBytes);
        var web = builder.Build();
        var token = Encoding.UTF8.GetBytes(options.Token);

        web.Use(async (context, next) =>
        {
            try
            {
                var path = context.Request.Path.Value ?? "";
                if (path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/v1/openapi.json" && !Authorized(context, token))
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    throw new ApiException(401, "unauthorized", "missing or wrong bearer token: send 'Authorization: Bearer <token>' with the token from the node's data directory (api-token)");
                }
                CheckQuery(context);
                await next(context).ConfigureAwait(false);
            }
            catch (ApiException e) when (!context.Response.HasStarted)
            {
                await ErrorAsync(context, e.Status, e.Code, e.Message).ConfigureAwait(false);
            }
            catch (NodeApplicationException e) when (!context.Response.HasStarted)
            {
                await ErrorAsync(context, ApiException.StatusOf(e.Kind), e.Code, e.Message).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                var status = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? 413 : 400;
                await ErrorAsync(context, status, status == 413 ? "body_too_large" : "bad_request", e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away; nothing to answer.
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                // A bug (or a cancellation that is not the client's, e.g. the node stopping), not a refusal:
                // logged in full here, answered without details (they may hold paths, keys or state the
                // caller must not see).
                LogCallFailed(web.Logger, e, context.Request.Method, context.Request.Path.Value ?? "");
                await ErrorAsync(context, 500, "internal_error", "the node failed to answer this call; its log has the details").ConfigureAwait(false);
            }
        });

        web.MapGet("/health", (HttpContext c) => WriteAsync(c, 200, new JsonObject { ["status"] = "ok" }));
        web.MapGet("/api/v1/openapi.json", (HttpContext c) => WriteAsync(c, 200, OpenApiDocument.Create()));
        web.MapGet("/api/v1/address", (HttpContext c) => WriteAsync(c, 200, new JsonObject { ["our_address"] = app.Address.ToString() }));
        web.MapGet("/api/v1/status", (HttpContext c) => WriteAsync(c, 200, ApiJson.Status(app.GetStatus())));

        web.MapGet("/api/v1/tokens", (HttpContext c) => WriteAsync(c, 200, ApiJson.Array(app.ListTokens(), ApiJson.Token)));
        web.MapPut("/api/v1/tokens/{token}", async (HttpContext c, string token) =>
        {
            var view = await app.RegisterTokenAsync(ApiRequest.ParseAddress(token, "token"), c.RequestAborted).ConfigureAwait(false);
            await WriteAsync(c, 201, ApiJson.Token(view)).ConfigureAwait(false);
        });

        web.MapGet("/api/v1/channels", (HttpContext c) => WriteAsync(c, 200, ApiJson.Array(app.ListChannels(), ApiJson.Channel)));
        web.MapGet("/api/v1/channels/{token}", (HttpContext c, string token) =>
            WriteAsync(c, 200, ApiJson.Array(app.ListChannels(ApiRequest.ParseAddress(token, "token")), ApiJson.Channel)));
        web.MapGet("/api/v1/channels/{token}/{partner}", (HttpContext c, string token, string partner) =>
            WriteAsync(c, 200, ApiJson.Channel(app.GetChannel(ApiRequest.ParseAddress(token, "token"), ApiRequest.ParseAddress(partner, "partner")))));
        web.MapPut("/api/v1/channels", async (HttpContext c) =>
        {
            var body = await ApiRequest.ReadAsync(c, "token_address", "partner_address", "settle_timeout", "total_deposit").ConfigureAwait(false);
            var request = new OpenChannelRequest(body.RequiredAddress("token_address"), body.RequiredAddress("partner_address"), body.OptionalBlocks("settle_timeout"), body.OptionalAmount("total_deposit") ?? UInt256.Zero);
            var view = await app.OpenChannelAsync(request, c.RequestAborted).ConfigureAwait(false);
            await WriteAsync(c, 201, ApiJson.Channel(view)).ConfigureAwait(false);
        });
        web.MapMethods("/api/v1/channels/{token}/{partner}", ["PATCH"], async (HttpContext c, string token, string partner) =>
        {
            var tokenAddress = ApiRequest.ParseAddress(token, "token");
            var partnerAddress = ApiRequest.ParseAddress(partner, "partner");
            var body = await ApiRequest.ReadAsync(c, "total_deposit", "total_withdraw", "state").ConfigureAwait(false);
            var given = PatchFields.Where(body.Has).ToList();
            if (given.Count != 1)
                throw ApiException.BadRequest("invalid_patch", "give exactly one of total_deposit, total_withdraw and state");
            ChannelView view = given[0] switch
            {
                "total_deposit" => await app.SetTotalDepositAsync(tokenAddress, partnerAddress, Positive(body.RequiredAmount("total_deposit"), "total_deposit"), c.RequestAborted).ConfigureAwait(false),
                "total_withdraw" => await app.SetTotalWithdrawAsync(tokenAddress, partnerAddress, Positive(body.RequiredAmount("total_withdraw"), "total_withdraw"), c.RequestAborted).ConfigureAwait(false),
                _ => body.String("state") switch
                {
                    "closed" => await app.CloseChannelAsync(tokenAddress, partnerAddress, c.RequestAborted).ConfigureAwait(false),
                    "settled" => await app.SettleChannelAsync(tokenAddress, partnerAddress, null, c.RequestAborted).ConfigureAwait(false),
                    "cooperative_settled" => await app.CooperativeSettleAsync(tokenAddress, partnerAddress, c.RequestAborted).ConfigureAwait(false),
                    var other => throw ApiException.BadRequest("invalid_state", $"state must be closed, settled or cooperative_settled, not '{other}'"),
                },
            };
            await WriteAsync(c, 200, ApiJson.Channel(view)).ConfigureAwait(false);
        });

        web.MapPost("/api/v1/payments/{token}/{target}", async (HttpContext c, string token, string target) =>
        {
            var tokenAddress = ApiRequest.ParseAddress(token, "token");
            var targetAddress = ApiRequest.ParseAddress(target, "target");
            var body = await ApiRequest.ReadAsync(c, "amount", "identifier", "secret", "secret_hash", "lock_timeout").ConfigureAwait(false);
            var request = new PaymentRequest(
                tokenAddress,
                targetAddress,
                Positive(body.RequiredAmount("amount"), "amount"),
                body.OptionalAmount("identifier") is { } id ? Positive(id, "identifier") : null,
                body.OptionalHash("secret"),
                body.OptionalHash("secret_hash"),
                body.OptionalBlocks("lock_timeout"));
            var started = await app.StartPaymentAsync(request, c.RequestAborted).ConfigureAwait(false);
            if (c.Request.Query["async"] == "true")
            {
                await WriteAsync(c, 202, ApiJson.Payment(started)).ConfigureAwait(false);
                return;
            }
            var done = await app.WaitForPaymentAsync(tokenAddress, started.Identifier, c.RequestAborted).ConfigureAwait(false);
            if (done.Status == "failed")
                throw new NodeApplicationException(ApplicationErrorKind.PaymentFailed, "payment_failed", $"payment {done.Identifier} failed: {done.Reason}");
            await WriteAsync(c, 200, ApiJson.Payment(done)).ConfigureAwait(false);
        });
        web.MapGet("/api/v1/payments", (HttpContext c) => WriteAsync(c, 200, ApiJson.Array(app.ListPayments(), ApiJson.Payment)));
        web.MapGet("/api/v1/payments/{token}", (HttpContext c, string token) =>
            WriteAsync(c, 200, ApiJson.Array(app.ListPayments(ApiRequest.ParseAddress(token, "token")), ApiJson.Payment)));
        web.MapGet("/api/v1/payments/{token}/{partner}", (HttpContext c, string token, string partner) =>
            WriteAsync(c, 200, ApiJson.Array(app.ListPayments(ApiRequest.ParseAddress(token, "token"), ApiRequest.ParseAddress(partner, "partner")), ApiJson.Payment)));
        web.MapGet("/api/v1/pending_transfers", (HttpContext c) => WriteAsync(c, 200, ApiJson.Array(app.ListPendingTransfers(), ApiJson.PendingTransfer)));
        web.MapGet("/api/v1/events", (HttpContext c) => StreamEventsAsync(c, app));
        web.MapFallback(c => ErrorAsync(c, 404, "not_found", $"no API call {c.Request.Method} {c.Request.Path}"));
        return web;
    }

    /// <summary>The URLs Kestrel listens on once started (with the real port when the options said 0).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication web)
    {
        ArgumentNullException.ThrowIfNull(web);
        return web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    /// <summary>
    /// Refuses a query parameter the route does not take (a typo such as <c>?asnyc=true</c> must not silently
    /// turn into the default), a repeated one, and an <c>async</c> that is not <c>true</c> or <c>false</c>.
    /// </summary>
    private static void CheckQuery(HttpContext context)
    {
        if (context.Request.Query.Count == 0)
            return;
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        if (pattern is null || pattern.StartsWith('{'))
            return; // no such call: the fallback's 404 says so
        var allowed = pattern is not null && OpenApiDocument.QueryParameters.TryGetValue(pattern, out var names) ? names : [];
        foreach (var (name, values) in context.Request.Query)
        {
            if (Array.IndexOf(allowed, name) < 0)
                throw ApiException.BadRequest("invalid_query", allowed.Length == 0 ? $"unknown query parameter '{name}'; this call takes none" : $"unknown query parameter '{name}'; this call takes {string.Join(", ", allowed)}");
            if (values.Count != 1)
                throw ApiException.BadRequest("invalid_query", $"query parameter '{name}' is given {values.Count} times");
            if (name == "async" && values[0] is not ("true" or "false"))
                throw ApiException.BadRequest("invalid_query", $"'async' must be true or false, not '{values[0]}'");
        }
    }

    private static UInt256 Positive(UInt256 value, string name) =>
        value.IsZero ? throw ApiException.BadRequest("invalid_amount", $"'{name}' must be above zero") : value;

    private static bool Authorized(HttpContext context, byte[] token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), token);
    }

    /// <summary>Server-Sent Events: the events from <c>Last-Event-ID</c> + 1 (or <c>?from=</c>), then live ones, each with its id.</summary>
    private static async Task StreamEventsAsync(HttpContext context, INodeApplication app)
    {
        long from = 0;
        var resume = context.Request.Headers["Last-Event-ID"].ToString();
        var query = context.Request.Query["from"].ToString();
        if (resume.Length > 0)
            from = long.TryParse(resume, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last) ? last + 1 : throw ApiException.BadRequest("invalid_event_id", "Last-Event-ID must be an event index");
        else if (query.Length > 0)
            from = long.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first) ? first : throw ApiException.BadRequest("invalid_event_id", "'from' must be an event index");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(": photon events\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await foreach (var e in app.SubscribeEventsAsync(from, context.RequestAborted).ConfigureAwait(false))
        {
            var data = new JsonObject { ["index"] = e.Index, ["type"] = e.Type, ["block"] = e.Block, ["data"] = e.Data.DeepClone() };
            await context.Response.WriteAsync($"id: {e.Index}\nevent: {e.Type}\ndata: {data.ToJsonString(Json)}\n\n", context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(Json), context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API call {Method} {Path} failed with an unexpected exception")]
    private static partial void LogCallFailed(ILogger logger, Exception exception, string method, string path);

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new JsonObject { ["error"] = code, ["message"] = message });
}
