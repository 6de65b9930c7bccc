using System.Collections.ObjectModel;

namespace Photon.Ethereum.JsonRpc;

/// <summary>
/// For the result records (logs, blocks, receipts, …): lists and bytes are copied on the way in, so a
/// record cannot change after it is made, and compared by content, so two reads of the same log are
/// equal and hash alike (sets and dictionaries can deduplicate them).
/// </summary>
internal static class ValueEquality
{
    public static ReadOnlyCollection<T> Freeze<T>(IEnumerable<T> items, string name) =>
        Array.AsReadOnly((items ?? throw new ArgumentNullException(name)).ToArray());

    public static ReadOnlyMemory<byte> Copy(ReadOnlyMemory<byte> bytes) =>
        bytes.IsEmpty ? ReadOnlyMemory<byte>.Empty : bytes.ToArray();

    public static bool Equal<T>(IReadOnlyList<T> left, IReadOnlyList<T> right) => left.SequenceEqual(right);

    public static bool Equal(ReadOnlyMemory<byte> left, ReadOnlyMemory<byte> right) => left.Span.SequenceEqual(right.Span);

    public static void Add<T>(ref HashCode hash, IReadOnlyList<T> items)
    {
        hash.Add(items.Count);
        foreach (var item in items)
            hash.Add(item);
    }

    public static void Add(ref HashCode hash, ReadOnlyMemory<byte> bytes) => hash.AddBytes(bytes.Span);
}
