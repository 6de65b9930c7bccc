using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Keystore;
using Photon.TestSupport;

namespace Photon.Ethereum.Tests.Keystore;

public class KeystoreV3Tests
{
    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var property in LoadVectors().EnumerateObject())
            data.Add(property.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Decrypts_the_Ethereum_keystore_vectors(string name)
    {
        var vector = LoadVectors().GetProperty(name);
        using var decrypted = KeystoreV3.Decrypt(vector.GetProperty("json").GetRawText(), vector.GetProperty("password").GetString()!);
        Assert.Equal(vector.GetProperty("priv").GetString(), Hex.Encode(decrypted.Secret, prefix: false));
    }

    [Fact]
    public void Refuses_a_wrong_password()
    {
        var vector = LoadVectors().GetProperty("mycrypto");
        Assert.Throws<KeystorePasswordException>(() => KeystoreV3.Decrypt(vector.GetProperty("json").GetRawText(), "wrong"));
    }

    [Fact]
    public void Refuses_an_altered_ciphertext_or_mac()
    {
        var json = KeystoreV3.Encrypt(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }, Address.Zero, "pw", new Pbkdf2Kdf(1000));
        foreach (var field in new[] { "ciphertext", "mac" })
        {
            var node = JsonNode.Parse(json)!;
            var hex = node["crypto"]![field]!.GetValue<string>();
            node["crypto"]![field] = (hex[0] == '0' ? "1" : "0") + hex[1..];
            Assert.Throws<KeystorePasswordException>(() => KeystoreV3.Decrypt(node.ToJsonString(), "pw"));
        }
    }

    [Fact]
    public void Round_trips_with_scrypt_and_pbkdf2()
    {
        var secret = new byte[32];
        Random.Shared.NextBytes(secret);
        secret[0] = 0x11;
        foreach (KeystoreKdf kdf in new KeystoreKdf[] { new ScryptKdf(1 << 10, 8, 1), new Pbkdf2Kdf(1000) })
        {
            var json = KeystoreV3.Encrypt(secret, Address.Zero, "correct horse", kdf);
            using var decrypted = KeystoreV3.Decrypt(json, "correct horse");
            Assert.Equal(secret, decrypted.Secret.ToArray());
            Assert.Equal(Address.Zero, decrypted.DeclaredAddress);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"version\":4}")]
    [InlineData("{\"version\":3}")]
    public void Refuses_files_that_are_not_v3_keystores(string json) =>
        Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, "pw"));

    [Theory]
    [InlineData("cipher", "\"aes-256-gcm\"")]
    [InlineData("kdf", "\"argon2\"")]
    [InlineData("mac", "\"abcd\"")]
    [InlineData("ciphertext", "\"xyz\"")]
    public void Refuses_unsupported_or_malformed_crypto_fields(string field, string value)
    {
        var node = JsonNode.Parse(LoadVectors().GetProperty("mycrypto").GetProperty("json").GetRawText())!;
        node["crypto"]![field] = JsonNode.Parse(value);
        Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(node.ToJsonString(), "foobartest121"));
    }

    [Fact]
    public void Refuses_hostile_kdf_parameters_before_allocating()
    {
        var node = JsonNode.Parse(LoadVectors().GetProperty("mycrypto").GetProperty("json").GetRawText())!;
        node["crypto"]!["kdfparams"]!["n"] = 1 << 30;
        Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(node.ToJsonString(), "foobartest121"));
    }

    private static JsonElement LoadVectors() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedVectors, "ethereum-tests_KeyStoreTests_basic_tests.json"))).RootElement;
}
