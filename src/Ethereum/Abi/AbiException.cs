using System.Text;

namespace Photon.Ethereum.Abi;

/// <summary>
/// A malformed ABI type or JSON ABI, a value that does not fit its ABI type, or ABI-encoded data
/// that is not a valid encoding of the expected types (out-of-range offsets or lengths, dirty
/// padding, a bool that is neither 0 nor 1, …). <see cref="Path"/> locates the value inside
/// nested arrays and tuples, for example <c>[1].to[3]</c>.
/// </summary>
public sealed class AbiException : FormatException
{
    // Innermost segment first: segments are added while the exception unwinds outwards.
    private readonly List<string> _reversedPath = [];

    public AbiException(string reason)
        : base(reason) => Reason = reason;

    public AbiException(string reason, Exception innerException)
        : base(reason, innerException) => Reason = reason;

    public AbiException()
        : this("invalid ABI data")
    {
    }

    /// <summary>The problem, without its location.</summary>
    public string Reason { get; }

    /// <summary>Where the problem is: indexes as <c>[i]</c>, named tuple members and parameters as <c>.name</c>; empty at the top.</summary>
    public string Path
    {
        get
        {
            var path = new StringBuilder();
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                var segment = _reversedPath[i];
                if (segment[0] != '[' && path.Length > 0)
                    path.Append('.');
                path.Append(segment);
            }
            return path.ToString();
        }
    }

    public override string Message => _reversedPath.Count == 0 ? Reason : $"{Reason} (at {Path})";

    /// <summary>Records that the failing value is element <paramref name="index"/> (named <paramref name="name"/> if non-empty) of its parent.</summary>
    internal AbiException At(int index, string? name = null)
    {
        _reversedPath.Add(string.IsNullOrEmpty(name) ? $"[{index}]" : name);
        return this;
    }

    /// <summary>Records that the failing value is inside the member <paramref name="name"/> of its parent.</summary>
    internal AbiException AtName(string name)
    {
        _reversedPath.Add(name);
        return this;
    }
}
