using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// The criteria of eth_getLogs. Either a block range (<see cref="FromBlock"/>/<see cref="ToBlock"/>,
/// both defaulting to latest on the node) or a single <see cref="BlockHash"/> (EIP-234).
/// <see cref="Topics"/>: position i constrains topic i; a null entry matches anything, a list of
/// several hashes matches any of them. Pending blocks are refused: every returned log is mined and
/// has its block, transaction and index.
/// </summary>
[JsonConverter(typeof(RpcObjectJsonConverter<LogFilter>))]
public sealed record LogFilter : IRpcObject
{
    public BlockParameter? FromBlock { get; init; }

    public BlockParameter? ToBlock { get; init; }

    public Hash256? BlockHash { get; init; }

    /// <summary>Logs of any of these contracts; null or empty for all contracts.</summary>
    public IReadOnlyList<Address>? Addresses { get; init; }

    public IReadOnlyList<IReadOnlyList<Hash256>?>? Topics { get; init; }

    JsonObject IRpcObject.ToRpcObject() => ToRpcObject();

    internal JsonObject ToRpcObject()
    {
        if (BlockHash is not null && (FromBlock is not null || ToBlock is not null))
            throw new ArgumentException("a log filter has either a block hash or a block range, not both");
        if (FromBlock is { IsPending: true } || ToBlock is { IsPending: true })
            throw new ArgumentException("a log filter cannot ask for pending logs: they have no block yet");
        var o = new JsonObject();
        if (FromBlock is { } from)
            o["fromBlock"] = from.ToRpcString();
        if (ToBlock is { } to)
            o["toBlock"] = to.ToRpcString();
        if (BlockHash is { } hash)
            o["blockHash"] = hash.ToString();
        if (Addresses is { Count: 1 })
            o["address"] = Addresses[0].ToLowerHex();
        else if (Addresses is { Count: > 1 })
            o["address"] = new JsonArray([.. Addresses.Select(a => (JsonNode)a.ToLowerHex())]);
        if (Topics is { Count: > 0 })
        {
            if (Topics.Count > 4)
                throw new ArgumentException($"a log has at most 4 topics; the filter has {Topics.Count} positions");
            var topics = new JsonArray();
            foreach (var position in Topics)
            {
                topics.Add(position switch
                {
                    null or { Count: 0 } => null,
                    { Count: 1 } => JsonValue.Create(position[0].ToString()),
                    _ => new JsonArray([.. position.Select(t => (JsonNode)t.ToString())]),
                });
            }
            o["topics"] = topics;
        }
        return o;
    }
}
