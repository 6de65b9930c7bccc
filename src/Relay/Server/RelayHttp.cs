using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Photon.Ethereum;

namespace Photon.Relay.Server;

/// <summary>Reading requests within their limits and writing JSON answers, the same way for every endpoint.</summary>
internal static class RelayHttp
{
    // Readable messages: the JSON goes to programs and people, never into HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the whole body, refusing (413) past <paramref name="maxBytes"/> whether or not a Content-Length was sent.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
            throw RelayRequestException.TooLarge($"the request body is {context.Request.ContentLength} bytes; at most {maxBytes} are accepted");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw RelayRequestException.TooLarge($"the request body is over {maxBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Parses a JSON object body; anything else is a 400 naming what is wrong.</summary>
    public static JsonElement ParseObject(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw RelayRequestException.BadRequest("the body must be a JSON object");
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw RelayRequestException.BadRequest($"the body is not JSON: {e.Message}");
        }
    }

    public static string RequiredString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw RelayRequestException.BadRequest($"'{name}' must be a string");

    public static Address ParseAddress(string text, string name) =>
        Address.TryParse(text, out var address) && text.Length == 42
            ? address
            : throw RelayRequestException.BadRequest($"'{name}' must be an address (0x + 40 hex digits), got '{Shorten(text)}'");

    public static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(context.Response.Body, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
    }

    public static Task WriteErrorAsync(HttpContext context, RelayRequestException error)
    {
        if (error.RetryAfterSeconds is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, error.Status, w =>
        {
            w.WriteString("error", error.Code);
            w.WriteString("message", error.Message);
        });
    }

    public static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
