using System.Text.Json;
using Photon.Ethereum;

namespace Photon.Node.Cli;

/// <summary>Reading command inputs: files, JSON arguments and passwords, with errors that name the input.</summary>
internal static class CliInput
{
    /// <summary>The absolute form of a path the user gave; an empty path or one with a NUL is refused.</summary>
    public static string FullPath(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliInputException($"{what} needs a file path, got an empty one");
        if (path.Contains('\0', StringComparison.Ordinal))
            throw new CliInputException($"{what} path holds a NUL character");
        return Path.GetFullPath(path);
    }

    public static string ReadFile(string path, string what)
    {
        path = FullPath(path, what);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{what} '{path}' does not exist");
        return File.ReadAllText(path);
    }

    public static JsonElement ParseJson(string text, string what) =>
        JsonRead.Parse(text, (message, inner) => new FormatException($"{what} is {message}", inner));

    /// <summary>
    /// The password from <paramref name="passwordFile"/> (its first line), else from standard input
    /// when it is redirected, else typed at the terminal without echo (twice when <paramref name="confirm"/>).
    /// </summary>
    public static string ReadPassword(string? passwordFile, bool confirm, TextWriter prompt)
    {
        if (passwordFile is not null)
            return FirstLine(ReadFile(passwordFile, "password file"));
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? throw new IOException("no password on standard input");
        var password = Prompt("Password: ", prompt);
        if (confirm && Prompt("Repeat password: ", prompt) != password)
            throw new CliInputException("the passwords do not match");
        return password;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static string Prompt(string label, TextWriter prompt)
    {
        prompt.Write(label);
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                    chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
        prompt.WriteLine();
        return new string([.. chars]);
    }
}
