using System.Text;
using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// Turns a response body into results or typed errors. A response must carry exactly the id we
/// sent (an error for an unparseable request may carry id null) and either <c>result</c> or an
/// <c>error</c> object; anything else is a <see cref="RpcResponseFormatException"/>.
/// </summary>
internal static class JsonRpcResponseReader
{
    public static JsonElement ReadSingle(byte[] body, long id, string method)
    {
        using var document = Parse(body, method);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new RpcResponseFormatException($"{method}: expected a response object, got {root.ValueKind}: {Snippet(body)}");
        var (result, error, responseId) = ReadResponse(root, method);
        if (error is not null && (responseId is null || IdEquals(responseId.Value, id)))
            throw error;
        if (responseId is null || !IdEquals(responseId.Value, id))
            throw new RpcResponseFormatException($"{method}: the response id {Describe(responseId)} is not the request id {id}");
        return result!.Value.Clone();
    }

    public static RpcResult[] ReadBatch(byte[] body, IReadOnlyList<long> ids, IReadOnlyList<RpcRequest> requests)
    {
        var label = $"batch[{ids.Count}]";
        using var document = Parse(body, label);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            // A server that rejects the batch as a whole answers with one error object.
            var (_, error, _) = ReadResponse(root, label);
            throw (Exception?)error ?? new RpcResponseFormatException($"{label}: expected an array of responses, got one result object");
        }
        if (root.ValueKind != JsonValueKind.Array)
            throw new RpcResponseFormatException($"{label}: expected an array of responses, got {root.ValueKind}: {Snippet(body)}");

        var indexById = new Dictionary<long, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
            indexById.Add(ids[i], i);
        var results = new RpcResult?[ids.Count];
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new RpcResponseFormatException($"{label}: a response item is {item.ValueKind}, not an object");
            var (result, error, responseId) = ReadResponse(item, label);
            if (responseId is null || !TryGetId(responseId.Value, out var id) || !indexById.TryGetValue(id, out var index))
            {
                var what = error is null ? "a result" : $"error {error.Code} '{error.RpcMessage}'";
                throw new RpcResponseFormatException($"{label}: {what} came with id {Describe(responseId)}, which matches no request");
            }
            if (results[index] is not null)
                throw new RpcResponseFormatException($"{label}: two responses for id {id}");
            results[index] = error is not null ? new RpcResult(error) : new RpcResult(result!.Value.Clone());
        }
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is null)
                throw new RpcResponseFormatException($"{label}: no response for id {ids[i]} ({requests[i].Method})");
        }
        return results!;
    }

    public static JsonRpcException CreateError(int code, string message, JsonElement? data)
    {
        if (!IsRevert(code, message))
            return new JsonRpcException(code, message, data);
        return new ExecutionRevertedException(code, message, data, FindRevertData(data) ?? []);
    }

    // geth, reth, anvil, erigon and nethermind use code 3 with "execution reverted[: reason]";
    // ganache and hardhat use -32000/-32603 with these messages.
    private static bool IsRevert(int code, string message) =>
        code == 3
        || message.StartsWith("execution reverted", StringComparison.OrdinalIgnoreCase)
        || message.Contains("VM Exception while processing transaction: revert", StringComparison.OrdinalIgnoreCase)
        || message.StartsWith("reverted with", StringComparison.OrdinalIgnoreCase);

    // The data is a hex string on most nodes; hardhat and older ganache wrap it in an object
    // ({ "data": "0x…" }, or { "<txhash>": { "return": "0x…" } }).
    private static byte[]? FindRevertData(JsonElement? data, int depth = 0)
    {
        if (data is not { } d || depth > 2)
            return null;
        switch (d.ValueKind)
        {
            case JsonValueKind.String:
                var text = d.GetString()!;
                return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && Hex.TryDecode(text, out var bytes) ? bytes : null;
            case JsonValueKind.Object:
                foreach (var name in (ReadOnlySpan<string>)["data", "return"])
                {
                    if (d.TryGetProperty(name, out var inner) && FindRevertData(inner, depth + 1) is { } found)
                        return found;
                }
                foreach (var property in d.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object && FindRevertData(property.Value, depth + 1) is { } found)
                        return found;
                }
                return null;
            default:
                return null;
        }
    }

    private static JsonDocument Parse(byte[] body, string label)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new RpcResponseFormatException($"{label}: the response is not JSON: {Snippet(body)}", e);
        }
    }

    private static (JsonElement? Result, JsonRpcException? Error, JsonElement? Id) ReadResponse(JsonElement response, string label)
    {
        JsonElement? id = response.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null ? idElement : null;
        if (response.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            return (null, ReadError(error, label), id);
        if (response.TryGetProperty("result", out var result))
            return (result, null, id);
        throw new RpcResponseFormatException($"{label}: the response has neither 'result' nor 'error': {Snippet(response.GetRawText())}");
    }

    private static JsonRpcException ReadError(JsonElement error, string label)
    {
        if (error.ValueKind != JsonValueKind.Object)
            throw new RpcResponseFormatException($"{label}: 'error' is {error.ValueKind}, not an object");
        if (!error.TryGetProperty("code", out var codeElement) || codeElement.ValueKind != JsonValueKind.Number || !codeElement.TryGetInt32(out var code))
            throw new RpcResponseFormatException($"{label}: the error has no integer 'code': {Snippet(error.GetRawText())}");
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        JsonElement? data = error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d : null;
        return CreateError(code, message, data);
    }

    // We send numeric ids; a string holding the same number is accepted from lenient proxies.
    private static bool TryGetId(JsonElement id, out long value)
    {
        value = 0;
        return id.ValueKind switch
        {
            JsonValueKind.Number => id.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(id.GetString(), System.Globalization.NumberStyles.None, null, out value),
            _ => false,
        };
    }

    private static bool IdEquals(JsonElement id, long expected) => TryGetId(id, out var value) && value == expected;

    private static string Describe(JsonElement? id) => id is { } i ? i.GetRawText() : "null";

    private static string Snippet(byte[] body) => Snippet(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400)));

    private static string Snippet(string text) => text.Length <= 200 ? text : text[..197] + "...";
}
