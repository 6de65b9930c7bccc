namespace Photon.Protocol.State;

/// <summary>Content equality for the immutable collections in state records (records compare them by reference).</summary>
internal static class Collections
{
    public static bool DictionaryEqual<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> a, IReadOnlyDictionary<TKey, TValue> b)
        where TKey : notnull
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.Count != b.Count)
            return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || !EqualityComparer<TValue>.Default.Equals(value, other))
                return false;
        return true;
    }
}
