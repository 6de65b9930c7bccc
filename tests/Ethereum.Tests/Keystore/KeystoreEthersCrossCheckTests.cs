using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Keystore;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Keystore;

/// <summary>Keystores written by ethers v6 open here, and ours open in ethers (scrypt and PBKDF2).</summary>
public class KeystoreEthersCrossCheckTests
{
    private static readonly string[] Passwords = ["", "correct horse battery staple", "pässwörd-✓", "\"quotes\" and \\backslash"];

    [Fact]
    public async Task Keystores_written_by_ethers_decrypt_to_the_same_key()
    {
        var keys = RandomKeys(8, seed: 3);
        var requests = new JsonArray();
        for (var i = 0; i < keys.Length; i++)
            requests.Add(new JsonObject { ["op"] = "encrypt", ["privateKey"] = keys[i].ToHex(), ["password"] = Passwords[i % Passwords.Length], ["n"] = 1024 });
        var results = JsonDocument.Parse(await NodeScript.RunAsync("keystore.cjs", requests.ToJsonString())).RootElement;
        for (var i = 0; i < keys.Length; i++)
        {
            using var key = KeystoreV3.DecryptKey(results[i].GetProperty("json").GetString()!, Passwords[i % Passwords.Length]);
            Assert.Equal(keys[i].ToHex(), key.ToHex());
            Assert.Equal(keys[i].Address, key.Address);
        }
    }

    [Fact]
    public async Task Keystores_written_here_decrypt_in_ethers()
    {
        var keys = RandomKeys(8, seed: 4);
        var requests = new JsonArray();
        for (var i = 0; i < keys.Length; i++)
        {
            KeystoreKdf kdf = i % 2 == 0 ? new ScryptKdf(1024, 8, 1) : new Pbkdf2Kdf(1000);
            var json = KeystoreV3.Encrypt(keys[i], Passwords[i % Passwords.Length], kdf);
            requests.Add(new JsonObject { ["op"] = "decrypt", ["json"] = json, ["password"] = Passwords[i % Passwords.Length] });
        }
        var results = JsonDocument.Parse(await NodeScript.RunAsync("keystore.cjs", requests.ToJsonString())).RootElement;
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(keys[i].ToHex(), results[i].GetProperty("privateKey").GetString());
            Assert.Equal(keys[i].Address.ToString(), results[i].GetProperty("address").GetString());
        }
    }

    [Fact]
    public void Refuses_a_keystore_whose_declared_address_is_not_its_key()
    {
        using var key = PrivateKey.Generate();
        var json = KeystoreV3.Encrypt(key.ToBytes(), Address.Parse("0x00000000000000000000000000000000000000aa"), "pw", new Pbkdf2Kdf(10));
        var e = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.DecryptKey(json, "pw"));
        Assert.Contains("another address", e.Message);
    }

    private static PrivateKey[] RandomKeys(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new PrivateKey[count];
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            bytes[0] &= 0x7f; // below the curve order
            keys[i] = new PrivateKey(bytes);
        }
        return keys;
    }
}
