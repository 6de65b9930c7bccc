using System.Text.Json;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Reading JSON for the ABI layer. Documents are parsed by <see cref="JsonRead.Parse"/> (duplicate
/// keys refused, depth bounded), but the public API also takes a <see cref="JsonElement"/> that may
/// come from a caller's own <see cref="JsonDocument"/>, which keeps duplicate keys and lone
/// surrogates: so objects are read through <see cref="Members"/>, which refuses a name given twice
/// (a reader taking "the last of two" would act on something other than what its user read), and
/// strings through <see cref="String"/>. Every failure is an <see cref="AbiException"/>.
/// </summary>
internal static class AbiJsonRead
{
    public static JsonElement Parse(string json, string what) =>
        JsonRead.Parse(json, (message, inner) => Fail($"{what} is {message}", inner));

    /// <summary>The text of a JSON string; <paramref name="what"/> names it in the refusal of a lone surrogate.</summary>
    public static string String(JsonElement element, string what) =>
        JsonRead.String(element, (message, inner) => Fail($"{what}: {message}", inner));

    /// <summary>The members of a JSON object by name; a name given twice, or one that is not valid text, is refused.</summary>
    public static Dictionary<string, JsonElement> Members(JsonElement element, string what)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException e)
            {
                throw new AbiException($"{what} has a member name that is not valid text (it holds a lone surrogate)", e);
            }
            if (!members.TryAdd(name, property.Value))
                throw new AbiException($"{what}: '{MessageText.Quote(name)}' is given twice");
        }
        return members;
    }

    private static AbiException Fail(string message, Exception? inner) =>
        inner is null ? new AbiException(message) : new AbiException(message, inner);
}
