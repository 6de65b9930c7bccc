using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// Turns a response body into results or typed errors. A response must carry exactly the id we
/// sent (an error for an unparseable request may carry id null) and either <c>result</c> or an
/// <c>error</c> object; anything else, including a duplicated key (which of two <c>result</c>s
/// would be the answer?) and text that is not valid UTF-16, is a <see cref="RpcResponseFormatException"/>.
/// Text from the endpoint goes into messages shortened and with control characters escaped.
/// </summary>
internal static class JsonRpcResponseReader
{
    // Deeper than JsonRead's 64 for documents people write: call traces nest two levels per call
    // frame. Parsing is iterative, so the bound is about hostile input, not the stack.
    private const int MaxDepth = 256;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = MaxDepth,
    };

    public static JsonElement ReadSingle(ReadOnlyMemory<byte> body, long id, string method)
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

    public static RpcResult[] ReadBatch(ReadOnlyMemory<byte> body, IReadOnlyList<long> ids, IReadOnlyList<RpcRequest> requests)
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
                var what = error is null ? "a result" : $"error {error.Code} '{MessageText.Quote(error.RpcMessage)}'";
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
    // ({ "data": "0x…" }, or { "<txhash>": { "return": "0x…" } }). Data that is not readable hex
    // counts as none: the error is still a revert.
    private static byte[]? FindRevertData(JsonElement? data, int depth = 0)
    {
        if (data is not { } d || depth > 2)
            return null;
        switch (d.ValueKind)
        {
            case JsonValueKind.String:
                if (!JsonRead.TryString(d, out var text))
                    return null;
                try
                {
                    return Hex.DecodePrefixed(text);
                }
                catch (HexFormatException)
                {
                    return null;
                }
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

    // The one place response bodies are parsed. The document reads the caller's buffer in place.
    private static JsonDocument Parse(ReadOnlyMemory<byte> body, string label)
    {
        try
        {
            return JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException e)
        {
            throw new RpcResponseFormatException($"{label}: the response is not JSON ({MessageText.Quote(e.Message, 120)}): {Snippet(body)}", e);
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
        var message = "";
        if (error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String && !JsonRead.TryString(m, out message))
            throw new RpcResponseFormatException($"{label}: the message of error {code} is not valid text (it holds a lone surrogate)");
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
            JsonValueKind.String => JsonRead.TryString(id, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static bool IdEquals(JsonElement id, long expected) => TryGetId(id, out var value) && value == expected;

    private static string Describe(JsonElement? id) => id is { } i ? MessageText.Quote(i.GetRawText(), 40) : "null";

    private static string Snippet(ReadOnlyMemory<byte> body) => Snippet(Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 400)]));

    private static string Snippet(string text) => MessageText.Quote(text, 200);
}
