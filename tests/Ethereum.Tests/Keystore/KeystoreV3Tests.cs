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

    [Theory]
    [InlineData("n", 1 << 30, "MiB")]
    [InlineData("p", 1 << 20, "work limit")]
    [InlineData("p", 1 << 24, "work limit")]
    [InlineData("r", 1 << 20, "MiB")]
    [InlineData("dklen", 64, "dklen must be 32")]
    [InlineData("dklen", 1024, "dklen must be 32")]
    public void Refuses_hostile_scrypt_parameters_before_any_work(string field, int value, string reason)
    {
        var node = JsonNode.Parse(LoadVectors().GetProperty("mycrypto").GetProperty("json").GetRawText())!;
        node["crypto"]!["kdfparams"]![field] = value;
        var e = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(node.ToJsonString(), "foobartest121"));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c", 10_000_000, "iteration count")]
    [InlineData("c", 0, "iteration count")]
    [InlineData("prf", "hmac-sha512", "prf")]
    [InlineData("dklen", 1024, "dklen must be 32")]
    public void Refuses_hostile_or_unsupported_pbkdf2_parameters(string field, object value, string reason)
    {
        var node = JsonNode.Parse(LoadVectors().GetProperty("test1").GetProperty("json").GetRawText())!;
        node["crypto"]!["kdfparams"]![field] = value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value);
        var e = Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(node.ToJsonString(), "testpassword"));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_iv_that_is_not_16_bytes()
    {
        var node = JsonNode.Parse(LoadVectors().GetProperty("test1").GetProperty("json").GetRawText())!;
        node["crypto"]!["cipherparams"]!["iv"] = "00112233";
        Assert.Contains("16 bytes", Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(node.ToJsonString(), "testpassword")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":3,"version":3,"crypto":{}}""", "Duplicate")]
    [InlineData("""{"version":3,"crypto":{"cipher":"\ud800"}}""", "surrogate")]
    public void Refuses_duplicate_keys_and_invalid_text(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<KeystoreFormatException>(() => KeystoreV3.Decrypt(json, "pw")).Message, StringComparison.Ordinal);

    [Fact]
    public void Keystore_errors_are_refusals_of_input()
    {
        // The CLI and REST map FormatException to "bad input"; a wrong password is one too.
        Assert.IsAssignableFrom<FormatException>(new KeystorePasswordException());
        Assert.IsAssignableFrom<FormatException>(new KeystoreFormatException("x"));
    }

    private static JsonElement LoadVectors() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Vectors, "ethereum-tests_KeyStoreTests_basic_tests.json"))).RootElement;
}
