using Photon.Ethereum;
using Photon.Node.Runtime;

namespace Photon.Node.Tests.Runtime;

public sealed class DataDirectoryTests : IDisposable
{
    private static readonly Address Node = Address.Parse("0x00000000000000000000000000000000000000aa");
    private readonly string _root = Directory.CreateTempSubdirectory("photon-datadir-").FullName;

    [Fact]
    public void Keeps_one_directory_per_chain_and_address()
    {
        using var directory = DataDirectory.Open(_root, 31337, Node);

        Assert.Equal(Path.Combine(_root, "31337", Node.ToString()), directory.Path);
        Assert.Equal(Path.Combine(directory.Path, "node.db"), directory.DatabasePath);
    }

    [Fact]
    public void Refuses_a_second_opener_while_the_first_holds_it()
    {
        using (DataDirectory.Open(_root, 31337, Node))
        {
            var refusal = Assert.Throws<IOException>(() => DataDirectory.Open(_root, 31337, Node));
            Assert.Contains("another process is running the node", refusal.Message, StringComparison.Ordinal);
        }

        using var again = DataDirectory.Open(_root, 31337, Node);
    }

    [Fact]
    public void Writes_a_new_owner_only_api_token_at_every_start()
    {
        using var directory = DataDirectory.Open(_root, 1, Node);

        var first = directory.WriteApiToken();
        var second = directory.WriteApiToken();

        Assert.NotEqual(first, second);
        Assert.Equal(second, File.ReadAllText(directory.ApiTokenPath));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", second);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.ApiTokenPath));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
