using System.Text.Json.Nodes;

namespace Photon.Ethereum.Abi;

/// <summary>Writes functions, events, errors and constructors in the standard JSON ABI format (as solc does).</summary>
internal static class AbiJsonFragments
{
    public static JsonObject Function(AbiFunction function) => new()
    {
        ["type"] = "function",
        ["name"] = function.Name,
        ["inputs"] = Parameters(function.Inputs, isEvent: false),
        ["outputs"] = Parameters(function.Outputs, isEvent: false),
        ["stateMutability"] = AbiSignature.Keyword(function.StateMutability),
    };

    public static JsonObject Event(AbiEvent abiEvent) => new()
    {
        ["type"] = "event",
        ["name"] = abiEvent.Name,
        ["inputs"] = Parameters(abiEvent.Inputs, isEvent: true),
        ["anonymous"] = abiEvent.Anonymous,
    };

    public static JsonObject Error(AbiError error) => new()
    {
        ["type"] = "error",
        ["name"] = error.Name,
        ["inputs"] = Parameters(error.Inputs, isEvent: false),
    };

    public static JsonObject Constructor(AbiConstructor constructor) => new()
    {
        ["type"] = "constructor",
        ["inputs"] = Parameters(constructor.Inputs, isEvent: false),
        ["stateMutability"] = AbiSignature.Keyword(constructor.StateMutability),
    };

    private static JsonArray Parameters(IReadOnlyList<AbiParameter> parameters, bool isEvent) =>
        new([.. parameters.Select(p => (JsonNode)Parameter(p, isEvent))]);

    // A tuple type is written "tuple" plus its array suffixes, with the components listed apart.
    private static JsonObject Parameter(AbiParameter parameter, bool isEvent)
    {
        var suffixes = "";
        var type = parameter.Type;
        while (true)
        {
            if (type is AbiArrayType array)
            {
                suffixes = "[]" + suffixes;
                type = array.Element;
            }
            else if (type is AbiFixedArrayType fixedArray)
            {
                suffixes = $"[{fixedArray.Length}]" + suffixes;
                type = fixedArray.Element;
            }
            else
            {
                break;
            }
        }
        var result = new JsonObject { ["name"] = parameter.Name };
        if (type is AbiTupleType tuple)
        {
            result["type"] = "tuple" + suffixes;
            result["components"] = Parameters(tuple.Components, isEvent: false);
        }
        else
        {
            result["type"] = parameter.Type.ToString();
        }
        if (isEvent)
            result["indexed"] = parameter.Indexed;
        return result;
    }
}
