using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Photon.Relay.Server;

/// <summary>Builds and runs the relay: Kestrel, the store, and the calls of <see cref="RelayEndpoints"/>.</summary>
public static class RelayServer
{
    /// <summary>Builds the relay's web application (not started). The store is opened now, so a bad database path fails here.</summary>
    public static WebApplication Build(RelayServerOptions options, TimeProvider? time = null, LogLevel minimumLog = LogLevel.Warning)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        time ??= TimeProvider.System;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(minimumLog);
        builder.WebHost.UseUrls(options.Listen);
        // The relay's own checks answer 413 with a JSON body; Kestrel's limit is only the backstop.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 2L * options.MaxRequestBytes);

        var store = RelayStore.Open(options.Database, options.SynchronousFull, time, TimeSpan.FromHours(options.TransactionMemoryHours));
        var limits = new RelayLimits(options);
        var presence = new PresenceTracker(time, TimeSpan.FromMilliseconds(options.PresenceGraceMs));
        var endpoints = new RelayEndpoints(options, store, new ChallengeBook(time, TimeSpan.FromMilliseconds(options.ChallengeLifetimeMs)), presence, new SyncSignals(), limits, time);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(limits);

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (RelayRequestException error) when (!context.Response.HasStarted)
            {
                await RelayHttp.WriteErrorAsync(context, error).ConfigureAwait(false);
            }
            catch (BadHttpRequestException error) when (!context.Response.HasStarted)
            {
                var status = error.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                await RelayHttp.WriteErrorAsync(context, new RelayRequestException(status, status == 413 ? "body_too_large" : "bad_request", error.Message)).ConfigureAwait(false);
            }
        });
        app.MapPost("/relay/v1/login/challenge", endpoints.LoginChallengeAsync);
        app.MapPost("/relay/v1/login", endpoints.LoginAsync);
        app.MapPut("/relay/v1/sendToDevice/{txnId}", (HttpContext context, string txnId) => endpoints.SendToDeviceAsync(context, txnId));
        app.MapGet("/relay/v1/sync", endpoints.SyncAsync);
        app.MapGet("/relay/v1/keys/{address}", (HttpContext context, string address) => endpoints.KeysAsync(context, address));
        app.MapGet("/relay/v1/presence/{address}", (HttpContext context, string address) => endpoints.PresenceAsync(context, address));
        app.MapGet("/health", endpoints.HealthAsync);
        app.MapFallback(context => RelayHttp.WriteErrorAsync(context, RelayRequestException.NotFound("not_found", $"no relay call {context.Request.Method} {context.Request.Path}")));
        return app;
    }

    /// <summary>The URLs Kestrel listens on once started (with the real port when the config said 0).</summary>
    public static IReadOnlyCollection<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Runs the relay until <paramref name="cancellation"/>; prints one line per listening URL first.</summary>
    public static async Task RunAsync(RelayServerOptions options, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(output);
        var app = Build(options);
        await using (app.ConfigureAwait(false))
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
            foreach (var url in Addresses(app))
                await output.WriteLineAsync($"relay listening on {url}").ConfigureAwait(false);
            await output.FlushAsync(cancellation).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
