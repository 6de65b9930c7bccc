using Photon.Ethereum.Rlp;

namespace Photon.Ethereum.Tests.Rlp;

/// <summary>
/// Writes an item tree through the writer's streaming calls (StartList/WriteBytes/EndList) rather
/// than <see cref="RlpWriter.Write(RlpItem)"/>, so tests compare the two encoding paths.
/// </summary>
internal static class StreamingRlp
{
    public static void Write(RlpWriter writer, RlpItem item)
    {
        if (item is RlpList list)
        {
            writer.StartList();
            foreach (var child in list)
                Write(writer, child);
            writer.EndList();
        }
        else
        {
            writer.WriteBytes(item.AsString().Span);
        }
    }
}
