using System.Globalization;
using System.Text.Json.Serialization;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// Which block a query is about: a number, or one of the tags latest / pending / earliest / safe /
/// finalized. <c>default</c> is <see cref="Latest"/>. In JSON it is its RPC form
/// (<see cref="ToRpcString"/>): <c>"0x10"</c> or <c>"latest"</c>.
/// </summary>
[JsonConverter(typeof(BlockParameterJsonConverter))]
public readonly record struct BlockParameter
{
    private static readonly string[] Tags = ["latest", "pending", "earliest", "safe", "finalized"];

    // Latest is stored as null so that default(BlockParameter) equals Latest.
    private readonly string? _tag;
    private readonly ulong _number;
    private readonly bool _isNumber;

    private BlockParameter(string tag) => _tag = tag;

    private BlockParameter(ulong number)
    {
        _number = number;
        _isNumber = true;
    }

    public static BlockParameter Latest => default;

    public static BlockParameter Pending => new("pending");

    public static BlockParameter Earliest => new("earliest");

    public static BlockParameter Safe => new("safe");

    public static BlockParameter Finalized => new("finalized");

    public static BlockParameter FromNumber(ulong number) => new(number);

    public static implicit operator BlockParameter(ulong number) => new(number);

    /// <summary>The block number, or null for a tag.</summary>
    public ulong? Number => _isNumber ? _number : null;

    /// <summary>The tag, or null for a number.</summary>
    public string? Tag => _isNumber ? null : _tag ?? "latest";

    public bool IsPending => Tag == "pending";

    /// <summary>Reads the RPC form: one of the tags, or a 0x-quantity that fits 64 bits.</summary>
    public static bool TryParse(string? text, out BlockParameter block)
    {
        block = default;
        if (text is null)
            return false;
        if (Array.IndexOf(Tags, text) >= 0)
        {
            block = text == "latest" ? default : new BlockParameter(text);
            return true;
        }
        if (!RpcJson.TryParseQuantity(text, out var number) || number > ulong.MaxValue)
            return false;
        block = new BlockParameter((ulong)number);
        return true;
    }

    /// <summary>The JSON-RPC form: a tag, or the number as a 0x-quantity.</summary>
    public string ToRpcString() => _isNumber ? Hex.Quantity(_number) : _tag ?? "latest";

    public override string ToString() => _isNumber ? _number.ToString(CultureInfo.InvariantCulture) : _tag ?? "latest";
}
