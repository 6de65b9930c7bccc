using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Photon.Node.Tests.Chain;

/// <summary>
/// A JSON-RPC endpoint for range arithmetic without a chain: <c>eth_blockNumber</c> answers <see cref="Head"/>,
/// <c>eth_getLogs</c> answers no logs and records the block range it was asked for. Any other method is refused.
/// </summary>
public sealed class ScriptedHeadHandler : HttpMessageHandler
{
    private readonly List<(ulong From, ulong To, int Addresses)> _ranges = [];

    public ulong Head { get; set; }

    /// <summary>Every <c>eth_getLogs</c> range so far, with the number of addresses it named.</summary>
    public IReadOnlyList<(ulong From, ulong To, int Addresses)> Ranges
    {
        get
        {
            lock (_ranges)
                return [.. _ranges];
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        JsonNode result = call["method"]!.GetValue<string>() switch
        {
            "eth_blockNumber" => JsonValue.Create("0x" + Head.ToString("x", CultureInfo.InvariantCulture)),
            "eth_getLogs" => Record(call["params"]![0]!.AsObject()),
            var other => throw new InvalidOperationException($"the scripted endpoint does not answer {other}"),
        };
        var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]!.DeepClone(), ["result"] = result };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    private JsonArray Record(JsonObject filter)
    {
        lock (_ranges)
            _ranges.Add((Block(filter["fromBlock"]!), Block(filter["toBlock"]!), filter["address"] is JsonArray addresses ? addresses.Count : 1));
        return [];
    }

    private static ulong Block(JsonNode value) =>
        ulong.Parse(value.GetValue<string>().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
