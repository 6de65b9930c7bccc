using System.Collections;

namespace Photon.Ethereum.Abi;

/// <summary>
/// Structural equality of ABI values in their decoded forms: <c>byte[]</c> by content, lists
/// (<c>object?[]</c> for arrays and tuples) element by element, everything else by its own
/// <see cref="object.Equals(object?)"/>. A <c>byte[]</c> equals only another <c>byte[]</c>, so the
/// hash code can take its bytes directly and stay consistent with equality.
/// </summary>
internal static class AbiValueEquality
{
    public static bool Equal(object? a, object? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (byte[] x, byte[] y):
                return x.AsSpan().SequenceEqual(y);
            case (byte[], _) or (_, byte[]):
                return false;
            case (IList x, IList y):
                if (x.Count != y.Count)
                    return false;
                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equal(x[i], y[i]))
                        return false;
                }
                return true;
            default:
                return a.Equals(b);
        }
    }

    public static int Hash(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case byte[] bytes:
                var byteHash = new HashCode();
                byteHash.AddBytes(bytes);
                return byteHash.ToHashCode();
            case IList list:
                var listHash = new HashCode();
                listHash.Add(list.Count);
                foreach (var item in list)
                    listHash.Add(Hash(item));
                return listHash.ToHashCode();
            default:
                return value.GetHashCode();
        }
    }
}
