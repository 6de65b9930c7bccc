using System.Text.Json;
using Photon.Ethereum.Keystore;

namespace Photon.Node.Tests.Cli;

public sealed class KeystoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("photon-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void New_writes_a_keystore_that_decrypt_opens_again()
    {
        var passwordFile = Write("password.txt", "s3cret\n");
        var file = Path.Combine(_dir, "key.json");
        const string key = "0x0101010101010101010101010101010101010101010101010101010101010101";
        var created = JsonDocument.Parse(CliRun.Of("util", "keystore", "new", "--out", file, "--private-key", key, "--password-file", passwordFile, "--kdf", "pbkdf2").AssertSucceeded().Output).RootElement;
        Assert.Equal("0x1a642f0e3c3af545e7acbd38b07251b3990914f1", created.GetProperty("address").GetString()!.ToLowerInvariant());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        var opened = JsonDocument.Parse(CliRun.Of("util", "keystore", "decrypt", "--file", file, "--password-file", passwordFile).AssertSucceeded().Output).RootElement;
        Assert.Equal(key, opened.GetProperty("privateKey").GetString());
        Assert.Equal(created.GetProperty("address").GetString(), opened.GetProperty("address").GetString());
    }

    [Fact]
    public void New_without_a_key_generates_one_with_light_scrypt()
    {
        var passwordFile = Write("password.txt", "pw");
        var file = Path.Combine(_dir, "new.json");
        var created = JsonDocument.Parse(CliRun.Of("util", "keystore", "new", "--out", file, "--password-file", passwordFile, "--light").AssertSucceeded().Output).RootElement;
        using var key = KeystoreV3.DecryptKey(File.ReadAllText(file), "pw");
        Assert.Equal(created.GetProperty("address").GetString(), key.Address.ToString());
        Assert.Contains("\"n\": 4096", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void New_refuses_to_overwrite_an_existing_file()
    {
        var existing = Write("taken.json", "precious");
        CliRun.Of("util", "keystore", "new", "--out", existing, "--password-file", Write("pw.txt", "pw"), "--light").AssertRefused("refusing to overwrite");
        Assert.Equal("precious", File.ReadAllText(existing));
    }

    [Fact]
    public void Decrypt_refuses_a_wrong_password_with_one_line()
    {
        var file = Path.Combine(_dir, "key.json");
        CliRun.Of("util", "keystore", "new", "--out", file, "--password-file", Write("right.txt", "right"), "--kdf", "pbkdf2").AssertSucceeded();
        CliRun.Of("util", "keystore", "decrypt", "--file", file, "--password-file", Write("wrong.txt", "wrong")).AssertRefused("wrong password");
    }

    [Fact]
    public void Decrypt_refuses_a_file_that_is_not_a_keystore() =>
        CliRun.Of("util", "keystore", "decrypt", "--file", Write("junk.json", "{\"version\":3}"), "--password-file", Write("pw.txt", "pw")).AssertRefused("crypto");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void New_refuses_an_empty_output_path_as_bad_input(string path) =>
        Assert.Equal(1, CliRun.Of("util", "keystore", "new", "--out", path, "--password-file", Write("pw.txt", "pw"), "--light").AssertRefused("empty").ExitCode);

    [Fact]
    public void New_refuses_an_unknown_kdf() =>
        CliRun.Of("util", "keystore", "new", "--out", Path.Combine(_dir, "x.json"), "--kdf", "argon2").AssertRefused("argon2");

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
