using System.Text.Json;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// An event log of a mined transaction. <see cref="Removed"/> is true when a reorganisation
/// dropped the block it was in (only filter subscriptions report such logs). Immutable (topics and
/// data are copied on the way in) and compared by content, so the same log read twice is equal.
/// </summary>
public sealed record Log(
    Address Address,
    IReadOnlyList<Hash256> Topics,
    ReadOnlyMemory<byte> Data,
    ulong BlockNumber,
    Hash256 BlockHash,
    Hash256 TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed)
{
    private readonly IReadOnlyList<Hash256> _topics = ValueEquality.Freeze(Topics, nameof(Topics));
    private readonly ReadOnlyMemory<byte> _data = ValueEquality.Copy(Data);

    public IReadOnlyList<Hash256> Topics
    {
        get => _topics;
        init => _topics = ValueEquality.Freeze(value, nameof(Topics));
    }

    public ReadOnlyMemory<byte> Data
    {
        get => _data;
        init => _data = ValueEquality.Copy(value);
    }

    public bool Equals(Log? other) =>
        other is not null
        && Address == other.Address
        && ValueEquality.Equal(_topics, other._topics)
        && ValueEquality.Equal(_data, other._data)
        && BlockNumber == other.BlockNumber
        && BlockHash == other.BlockHash
        && TransactionHash == other.TransactionHash
        && TransactionIndex == other.TransactionIndex
        && LogIndex == other.LogIndex
        && Removed == other.Removed;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Address);
        ValueEquality.Add(ref hash, _topics);
        ValueEquality.Add(ref hash, _data);
        hash.Add(BlockNumber);
        hash.Add(BlockHash);
        hash.Add(TransactionHash);
        hash.Add(TransactionIndex);
        hash.Add(LogIndex);
        hash.Add(Removed);
        return hash.ToHashCode();
    }

    internal static Log Read(JsonElement e, string context) => new(
        RpcJson.Address(e, "address", context),
        RpcJson.Array(RpcJson.Property(e, "topics", context), $"{context}.topics", RpcJson.Hash),
        RpcJson.Bytes(e, "data", context),
        RpcJson.QuantityUInt64(e, "blockNumber", context),
        RpcJson.Hash(e, "blockHash", context),
        RpcJson.Hash(e, "transactionHash", context),
        RpcJson.QuantityUInt64(e, "transactionIndex", context),
        RpcJson.QuantityUInt64(e, "logIndex", context),
        RpcJson.OptionalProperty(e, "removed", context) is { } removed && RpcJson.Bool(removed, $"{context}.removed"));
}
