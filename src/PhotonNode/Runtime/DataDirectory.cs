using System.Security.Cryptography;
using Photon.Ethereum;

namespace Photon.Node.Runtime;

/// <summary>
/// A node's directory for one chain and address (docs/node.md): <c>&lt;root&gt;/&lt;chainId&gt;/&lt;address&gt;/</c>.
/// Opening it takes an exclusive lock on <c>node.lock</c> for as long as the instance lives, so two
/// processes can never write the same node's state.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly FileStream _lock;

    private DataDirectory(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "node.db");

    public string ApiTokenPath => System.IO.Path.Combine(Path, "api-token");

    public string LogPath => System.IO.Path.Combine(Path, "node.log");

    /// <summary>The default root: <c>~/.photon</c>.</summary>
    public static string DefaultRoot => System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".photon");

    /// <exception cref="IOException">Another process holds this node's directory.</exception>
    public static DataDirectory Open(string root, ulong chainId, Address address)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(root), chainId.ToString(System.Globalization.CultureInfo.InvariantCulture), address.ToString());
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
        FileStream lockFile;
        try
        {
            // FileShare.None takes an advisory exclusive lock (flock) on Unix; a second node fails here.
            lockFile = new FileStream(System.IO.Path.Combine(path, "node.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"another process is running the node of {address} on chain {chainId} (its data directory {path} is locked)", e);
        }
        return new DataDirectory(path, lockFile);
    }

    /// <summary>
    /// Writes a new random API token (32 bytes, base64url) readable by the owner only, replacing the previous
    /// one: a token is valid for one run of the node.
    /// </summary>
    public string WriteApiToken()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var temporary = ApiTokenPath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(token);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, OwnerOnlyFile);
        File.Move(temporary, ApiTokenPath, overwrite: true);
        return token;
    }

    public void Dispose() => _lock.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
