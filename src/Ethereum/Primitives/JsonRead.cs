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
        try
        {
            CheckText(root);
        }
        catch (InvalidOperationException e)
        {
            throw fail("not valid JSON text: a string holds a lone surrogate", e);
        }
        return root;
    }

    // Depth is bounded by MaxDepth at parse time, so the recursion is too.
    private static void CheckText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    CheckText(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    CheckText(property.Value);
                }
                break;
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
