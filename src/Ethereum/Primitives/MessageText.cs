using System.Text;

namespace Photon.Ethereum;

/// <summary>
/// Quoting untrusted text in exception messages: shortened (a megabyte of input must not become a
/// megabyte of log) and with control characters escaped (a hostile contract's revert string or a
/// hostile file must not inject line breaks or terminal escape codes into logs).
/// </summary>
internal static class MessageText
{
    public const int DefaultLength = 80;

    public static string Quote(string text, int maxLength = DefaultLength)
    {
        var shortened = text.Length <= maxLength ? text : text[..(maxLength - 3)] + "...";
        return Escape(shortened);
    }

    /// <summary>Control characters (C0, DEL, C1) and lone surrogates as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }
        if (clean)
            return text;
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append($"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
