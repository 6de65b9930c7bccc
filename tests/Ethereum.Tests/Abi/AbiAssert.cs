using System.Collections;

namespace Photon.Ethereum.Tests.Abi;

internal static class AbiAssert
{
    /// <summary>Structural equality of canonical ABI values: byte arrays by content, lists element-wise.</summary>
    public static bool DeepEqual(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (byte[], _) or (_, byte[]) => false,
        (IList a, IList b) => a.Count == b.Count && Enumerable.Range(0, a.Count).All(i => DeepEqual(a[i], b[i])),
        _ => Equals(expected, actual),
    };

    public static void Equal(object? expected, object? actual, string context = "")
    {
        if (!DeepEqual(expected, actual))
            Assert.Fail($"values differ {context}\nexpected: {Show(expected)}\nactual:   {Show(actual)}");
    }

    public static string Show(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Hex.Encode(bytes),
        string text => '"' + text + '"',
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
        _ => $"{value} ({value.GetType().Name})",
    };
}
