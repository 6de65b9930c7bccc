using System.Text.Json;

namespace Photon.Ethereum;

/// <summary>
/// Reading untrusted JSON documents (typed data, ABIs, keystores, transactions, RPC answers,
/// CLI arguments) with the same guarantees everywhere: duplicate keys are refused (a reader that
/// takes the first of two keys would show something other than what is signed), nesting is
/// bounded, and every failure, including a string holding a lone surrogate, becomes the caller's
/// typed exception instead of an <see cref="InvalidOperationException"/>.
/// </summary>
public static class JsonRead
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
    };

    /// <summary>
    /// Parses a whole document into a detached element; <paramref name="fail"/> builds the caller's
    /// exception. Every string and property name is checked to be valid text, so later
    /// <see cref="JsonElement.GetString"/> and <see cref="JsonProperty.Name"/> calls on the result cannot throw.
    /// </summary>
    public static JsonElement Parse(string json, Func<string, Exception?, Exception> fail)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw fail($"not valid JSON: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // The duplicate-key check unescapes property names and meets a lone surrogate.
            throw fail("not valid JSON text: a property name holds a lone surrogate", e);
        }
        catch (ArgumentException e)
        {
            // The text itself (not an escape in it) holds a lone surrogate: it has no UTF-8 form.
            throw fail("not valid JSON text: the input holds a lone surrogate", e);
        }
        if (HasInvalidText(root))
            throw fail($"not valid JSON text: {FindInvalidText(root, "$")} holds a lone surrogate", null);
        return root;
    }

    private static bool HasInvalidText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return !TryString(element, out _);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasInvalidText(item))
                        return true;
                }
                return false;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    try
                    {
                        _ = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return true;
                    }
                    if (HasInvalidText(property.Value))
                        return true;
                }
                return false;
            default:
                return false;
        }
    }

    // The JSONPath-like location of the first string or name that is not valid UTF-16, for the message
    // (only built once HasInvalidText found one). Depth is bounded by MaxDepth at parse time.
    private static string? FindInvalidText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryString(element, out _) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidText(item, $"{path}[{index++}]") is { } found)
                        return found;
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return $"a member name in {path}";
                    }
                    if (FindInvalidText(property.Value, $"{path}.{MessageText.Quote(name, 40)}") is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The string value of <paramref name="element"/>, which must be a JSON string of valid UTF-16.</summary>
    public static string String(JsonElement element, Func<string, Exception?, Exception> fail)
    {
        if (element.ValueKind != JsonValueKind.String)
            throw fail($"expected a string, got {Describe(element)}", null);
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw fail("the string is not valid text (it holds a lone surrogate)", e);
        }
    }

    /// <summary>Like <see cref="String"/> for a value that is already known to be a string token.</summary>
    public static bool TryString(JsonElement element, out string text)
    {
        text = "";
        if (element.ValueKind != JsonValueKind.String)
            return false;
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A short lowercase description of a value for messages: "a string", "an array", "the number 5".</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {MessageText.Quote(element.GetRawText(), 40)}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
