using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Photon.Ethereum;

namespace Photon.Node.Api;

/// <summary>
/// A JSON request body read strictly: an object, only known fields, each of the right type. Amounts are
/// decimal strings (or JSON integers up to 2^53 − 1, the largest a JavaScript client holds exactly) of an
/// unsigned 256-bit integer; anything else, a duplicate key included, is a 400 that names the field.
/// </summary>
public sealed class ApiRequest
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>2^53 − 1: above it a JSON number may already have been rounded by the client (IEEE doubles).</summary>
    public const ulong MaxJsonInteger = (1UL << 53) - 1;
    private readonly JsonObject _body;

    private ApiRequest(JsonObject body) => _body = body;

    public static async Task<ApiRequest> ReadAsync(HttpContext context, params string[] allowed)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentLength > MaxBodyBytes)
            throw new ApiException(413, "body_too_large", $"the body is {context.Request.ContentLength} bytes; at most {MaxBodyBytes} are accepted");
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw new ApiException(413, "body_too_large", $"the body is over {MaxBodyBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        JsonNode? node;
        try
        {
            node = buffer.Length == 0 ? new JsonObject() : JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest("malformed_json", $"the body is not JSON: {e.Message}");
        }
        if (node is not JsonObject body)
            throw ApiException.BadRequest("malformed_json", "the body must be a JSON object");
        foreach (var (name, _) in body)
        {
            if (Array.IndexOf(allowed, name) < 0)
                throw ApiException.BadRequest("unknown_field", $"unknown field '{name}'; this call accepts {string.Join(", ", allowed)}");
        }
        return new ApiRequest(body);
    }

    public bool Has(string name) => _body.ContainsKey(name) && _body[name] is not null;

    public Address RequiredAddress(string name) => OptionalAddress(name) ?? throw ApiException.BadRequest("missing_field", $"'{name}' is required");

    public Address? OptionalAddress(string name) => Has(name) ? ParseAddress(String(name), name) : null;

    public UInt256 RequiredAmount(string name) => OptionalAmount(name) ?? throw ApiException.BadRequest("missing_field", $"'{name}' is required");

    public UInt256? OptionalAmount(string name)
    {
        if (!Has(name))
            return null;
        // An array or object is no JsonValue: refused like any other non-amount, never an exception.
        var value = _body[name] as JsonValue;
        var text = value?.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => throw ApiException.BadRequest("invalid_amount", $"'{name}' must be a decimal string"),
        };
        var amount = ParseAmount(text, name);
        if (value.GetValueKind() == JsonValueKind.Number && amount > new UInt256(MaxJsonInteger))
            throw ApiException.BadRequest("invalid_amount", $"'{name}' as a JSON number must be at most 2^53 - 1 ({MaxJsonInteger}); send larger amounts as decimal strings");
        return amount;
    }

    public Hash256? OptionalHash(string name)
    {
        if (!Has(name))
            return null;
        var text = String(name);
        return text.Length == 66 && Hash256.TryParse(text, out var hash)
            ? hash
            : throw ApiException.BadRequest("invalid_hash", $"'{name}' must be 0x + 64 hex digits");
    }

    public ulong? OptionalBlocks(string name)
    {
        if (!Has(name))
            return null;
        var value = _body[name] as JsonValue;
        if (value?.GetValueKind() == JsonValueKind.Number && value.TryGetValue<ulong>(out var blocks) && blocks > 0)
            return blocks;
        if (value?.GetValueKind() == JsonValueKind.String && ulong.TryParse(value.GetValue<string>(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out blocks) && blocks > 0)
            return blocks;
        throw ApiException.BadRequest("invalid_number", $"'{name}' must be a whole number of blocks above zero");
    }

    public string String(string name)
    {
        var node = _body[name];
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw ApiException.BadRequest("invalid_type", $"'{name}' must be a string");
    }

    /// <summary>
    /// An address from a path or body: 0x + 40 hex digits, mixed case only with a valid EIP-55 checksum, not
    /// the zero address (no token, partner or target is ever 0x0; it is what a client sends by mistake).
    /// </summary>
    public static Address ParseAddress(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 42)
            throw ApiException.BadRequest("invalid_address", $"'{name}' must be an address (0x + 40 hex digits), got '{Shorten(text)}'");
        Address address;
        try
        {
            address = Address.Parse(text);
        }
        catch (FormatException e)
        {
            throw ApiException.BadRequest("invalid_address", $"'{name}' is not a valid address: {e.Message}");
        }
        return address.IsZero ? throw ApiException.BadRequest("invalid_address", $"'{name}' is the zero address") : address;
    }

    /// <summary>An amount: a decimal integer of at most 2^256 − 1, no sign, fraction or exponent.</summary>
    public static UInt256 ParseAmount(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > 78 || !text.All(char.IsAsciiDigit))
            throw ApiException.BadRequest("invalid_amount", $"'{name}' must be a decimal integer without sign, fraction or exponent, got '{Shorten(text)}'");
        try
        {
            return UInt256.Parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw ApiException.BadRequest("invalid_amount", $"'{name}' is above 2^256 - 1");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
