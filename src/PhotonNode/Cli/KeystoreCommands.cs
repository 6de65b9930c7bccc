using System.CommandLine;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Keystore;

namespace Photon.Node.Cli;

/// <summary><c>photon util keystore new|decrypt</c>: Web3 Secret Storage v3 files, compatible with geth and ethers.</summary>
internal static class KeystoreCommands
{
    public static Command Create()
    {
        var keystore = new Command("keystore", "Create or open v3 keystore files.");
        keystore.Subcommands.Add(New());
        keystore.Subcommands.Add(Decrypt());
        return keystore;
    }

    private static Option<string?> PasswordFileOption() =>
        new("--password-file") { Description = "read the password from the first line of this file (else standard input, else a prompt)" };

    private static Command New()
    {
        var output = new Option<string>("--out") { Description = "where to write the keystore file (refuses to overwrite)", Required = true };
        var key = new Option<string?>("--private-key") { Description = "key to encrypt, 0x + 64 hex digits (default: a new random key)" };
        var passwordFile = PasswordFileOption();
        var kdf = new Option<string>("--kdf") { Description = "key derivation: scrypt (geth standard) or pbkdf2", DefaultValueFactory = _ => "scrypt" };
        kdf.AcceptOnlyFromAmong("scrypt", "pbkdf2");
        var light = new Option<bool>("--light") { Description = "cheap scrypt parameters (N=4096, p=6) for throwaway development keys" };
        var command = new Command("new", "Encrypt a private key into a new keystore file; prints {address, file}.") { output, key, passwordFile, kdf, light };
        command.SetAction(parse => CliOutcome.Run(parse, () =>
        {
            var path = CliInput.FullPath(parse.GetValue(output)!, "--out");
            if (File.Exists(path))
                throw new IOException($"'{path}' already exists; refusing to overwrite a keystore");
            using var privateKey = parse.GetValue(key) is { } hex ? PrivateKey.Parse(hex) : PrivateKey.Generate();
            KeystoreKdf derivation = parse.GetValue(kdf) == "pbkdf2"
                ? new Pbkdf2Kdf(262_144)
                : parse.GetValue(light) ? KeystoreKdf.LightScrypt : KeystoreKdf.StandardScrypt;
            var password = CliInput.ReadPassword(parse.GetValue(passwordFile), confirm: true, parse.InvocationConfiguration.Error);
            var json = KeystoreV3.Encrypt(privateKey, password, derivation);
            // CreateNew: never replace a file that appeared meanwhile; owner-only permissions.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, options))
            using (var writer = new StreamWriter(stream))
                writer.Write(json);
            return new JsonObject { ["address"] = privateKey.Address.ToString(), ["file"] = path }.ToJsonString();
        }));
        return command;
    }

    private static Command Decrypt()
    {
        var file = new Option<string>("--file") { Description = "the keystore file", Required = true };
        var passwordFile = PasswordFileOption();
        var command = new Command("decrypt", "Decrypt a keystore file; prints {address, privateKey}.") { file, passwordFile };
        command.SetAction(parse => CliOutcome.Run(parse, () =>
        {
            var json = CliInput.ReadFile(parse.GetValue(file)!, "keystore file");
            var password = CliInput.ReadPassword(parse.GetValue(passwordFile), confirm: false, parse.InvocationConfiguration.Error);
            using var key = KeystoreV3.DecryptKey(json, password);
            return new JsonObject { ["address"] = key.Address.ToString(), ["privateKey"] = key.ToHex() }.ToJsonString();
        }));
        return command;
    }
}
