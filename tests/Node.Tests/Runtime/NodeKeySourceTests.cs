using Photon.Ethereum.Crypto;
using Photon.Ethereum.Keystore;
using Photon.Node.Runtime;

namespace Photon.Node.Tests.Runtime;

public sealed class NodeKeySourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("photon-keys-").FullName;

    [Fact]
    public void Opens_a_keystore_with_its_password()
    {
        using var key = PrivateKey.Generate();
        var path = WriteKeystore(key, "correct horse");

        using var loaded = new NodeKeySource { KeystorePath = path, Password = () => "correct horse" }.Load(1);

        Assert.Equal(key.Address, loaded.Address);
    }

    [Fact]
    public void Refuses_a_wrong_password_or_a_missing_keystore_with_a_clear_message()
    {
        using var key = PrivateKey.Generate();
        var path = WriteKeystore(key, "correct horse");

        var wrong = Assert.Throws<NodeStartException>(() => new NodeKeySource { KeystorePath = path, Password = () => "battery staple" }.Load(1));
        Assert.Contains("cannot open the keystore", wrong.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<NodeStartException>(() => new NodeKeySource { KeystorePath = Path.Combine(_folder, "none.json"), Password = () => "x" }.Load(1));
        Assert.Contains("cannot read the keystore", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_dev_accounts_on_a_dev_chain_only()
    {
        using var dev = new NodeKeySource { DevAccount = 1 }.Load(31337);
        Assert.Equal(PrivateKey.Parse(DevChain.AccountKeys[1]).Address, dev.Address);

        var mainnet = Assert.Throws<NodeStartException>(() => new NodeKeySource { DevAccount = 1 }.Load(1));
        Assert.Contains("only accepted on a dev chain", mainnet.Message, StringComparison.Ordinal);
        Assert.Throws<NodeStartException>(() => new NodeKeySource { DevAccount = 10 }.Load(31337));
    }

    [Fact]
    public void Wants_exactly_one_source_of_key()
    {
        Assert.Throws<NodeStartException>(() => new NodeKeySource().Load(31337));
        Assert.Throws<NodeStartException>(() => new NodeKeySource { DevAccount = 1, KeystorePath = "key.json" }.Load(31337));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteKeystore(PrivateKey key, string password)
    {
        var path = Path.Combine(_folder, $"{key.Address}.json");
        File.WriteAllText(path, KeystoreV3.Encrypt(key, password, KeystoreKdf.LightScrypt));
        return path;
    }
}
