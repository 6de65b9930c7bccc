using System.Globalization;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Keystore;

namespace Photon.Node.Runtime;

/// <summary>
/// Where the node's key comes from: a v3 keystore file (the password from a file or a prompt; it never
/// touches disk otherwise), or, on a dev chain only, an account of the public test mnemonic.
/// </summary>
public sealed record NodeKeySource
{
    public string? KeystorePath { get; init; }

    /// <summary>Reads the keystore password when the key is loaded (a file's first line, or a prompt).</summary>
    public Func<string>? Password { get; init; }

    /// <summary>Index into <see cref="DevChain.AccountKeys"/>.</summary>
    public int? DevAccount { get; init; }

    /// <exception cref="NodeStartException">No key, both kinds, a dev key off a dev chain, or a keystore that does not open.</exception>
    public PrivateKey Load(ulong chainId)
    {
        if ((KeystorePath is null) == (DevAccount is null))
            throw new NodeStartException("give exactly one of --keystore and --dev-account");
        if (DevAccount is { } index)
        {
            if (!DevChain.Is(chainId))
                throw new NodeStartException($"--dev-account is only accepted on a dev chain (31337 or 1337); this chain is {chainId.ToString(CultureInfo.InvariantCulture)}, and dev keys are public");
            if (index < 0 || index >= DevChain.AccountKeys.Count)
                throw new NodeStartException($"--dev-account must be 0 to {DevChain.AccountKeys.Count - 1}");
            return PrivateKey.Parse(DevChain.AccountKeys[index]);
        }
        string json;
        try
        {
            json = File.ReadAllText(KeystorePath!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeStartException($"cannot read the keystore {KeystorePath}: {e.Message}");
        }
        var password = (Password ?? throw new NodeStartException("a keystore needs a password (--password-file or the prompt)"))();
        try
        {
            return KeystoreV3.DecryptKey(json, password);
        }
        catch (Exception e) when (e is KeystoreException or FormatException)
        {
            throw new NodeStartException($"cannot open the keystore {KeystorePath}: {e.Message}");
        }
    }
}
