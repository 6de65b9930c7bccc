using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Keystore;

/// <summary>
/// Web3 Secret Storage v3 (geth, ethers, MyCrypto): AES-128-CTR under the first half of a
/// scrypt or PBKDF2-HMAC-SHA256 key; MAC = keccak256(derived[16..32] ‖ ciphertext).
/// The password is taken as its UTF-8 bytes, as geth does (ethers NFKC-normalises first, which
/// gives the same bytes for ASCII and for text already in NFKC form).
/// </summary>
public static class KeystoreV3
{
    /// <summary>Highest PBKDF2 iteration count accepted from a file: 16× what geth writes (262,144).</summary>
    public const int MaxPbkdf2Iterations = 1 << 22;

    /// <summary>Encrypts a private key and returns the keystore JSON (geth's layout and field names).</summary>
    public static string Encrypt(PrivateKey key, string password, KeystoreKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(key);
        var secret = key.ToBytes();
        try
        {
            return Encrypt(secret, key.Address, password, kdf);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>
    /// Decrypts a keystore that holds a private key, and checks the address the file declares
    /// (when it declares one) against the key, so a mislabelled file is caught before use.
    /// </summary>
    public static PrivateKey DecryptKey(string json, string password)
    {
        using var decrypted = Decrypt(json, password);
        PrivateKey key;
        try
        {
            key = new PrivateKey(decrypted.Secret);
        }
        catch (InvalidPrivateKeyException e)
        {
            throw new KeystoreFormatException("the keystore decrypts to something that is not a valid private key", e);
        }
        if (decrypted.DeclaredAddress is { } declared && declared != key.Address)
        {
            key.Dispose();
            throw new KeystoreFormatException($"the keystore says it holds {declared} but its key belongs to another address");
        }
        return key;
    }

    /// <summary>
    /// Encrypts a 32-byte secret under the given address label. Internal: the label is not checked
    /// against the secret here (public callers go through <see cref="Encrypt(PrivateKey, string, KeystoreKdf)"/>);
    /// tests use it to write deliberately mislabelled files.
    /// </summary>
    internal static string Encrypt(ReadOnlySpan<byte> secret, Address address, string password, KeystoreKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(kdf);
        if (secret.Length != 32)
            throw new ArgumentException($"a private key has 32 bytes, got {secret.Length}", nameof(secret));
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        JsonObject kdfParams;
        byte[] derived;
        string kdfName;
        switch (kdf)
        {
            case ScryptKdf s:
                derived = Scrypt.DeriveKey(passwordBytes, salt, s.N, s.R, s.P, 32);
                kdfName = "scrypt";
                kdfParams = new JsonObject { ["dklen"] = 32, ["n"] = s.N, ["p"] = s.P, ["r"] = s.R, ["salt"] = Hex.Encode(salt, false) };
                break;
            case Pbkdf2Kdf p:
                if (p.Iterations < 1 || p.Iterations > MaxPbkdf2Iterations)
                    throw new ArgumentOutOfRangeException(nameof(kdf), $"PBKDF2 iterations must be in [1, {MaxPbkdf2Iterations}]");
                derived = Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, p.Iterations, HashAlgorithmName.SHA256, 32);
                kdfName = "pbkdf2";
                kdfParams = new JsonObject { ["c"] = p.Iterations, ["dklen"] = 32, ["prf"] = "hmac-sha256", ["salt"] = Hex.Encode(salt, false) };
                break;
            default:
                throw new ArgumentException($"unknown KDF {kdf.GetType().Name}", nameof(kdf));
        }
        var ciphertext = AesCtr.Transform(derived.AsSpan(0, 16), iv, secret);
        var mac = Mac(derived, ciphertext);
        CryptographicOperations.ZeroMemory(derived);
        var json = new JsonObject
        {
            ["address"] = address.ToLowerHex(prefix: false),
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["ciphertext"] = Hex.Encode(ciphertext, false),
                ["cipherparams"] = new JsonObject { ["iv"] = Hex.Encode(iv, false) },
                ["kdf"] = kdfName,
                ["kdfparams"] = kdfParams,
                ["mac"] = Hex.Encode(mac.ToArray(), false),
            },
            ["id"] = Guid.NewGuid().ToString(),
            ["version"] = 3,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// Decrypts a keystore. Throws <see cref="KeystoreFormatException"/> for a file it cannot read and
    /// <see cref="KeystorePasswordException"/> when the MAC does not match.
    /// </summary>
    public static DecryptedKeystore Decrypt(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var file = KeystoreFile.Parse(json);
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var derived = file.Kdf switch
        {
            ScryptKdf s => DeriveScrypt(passwordBytes, file.Salt, s, file.DerivedKeyLength),
            Pbkdf2Kdf p => Rfc2898DeriveBytes.Pbkdf2(passwordBytes, file.Salt, p.Iterations, HashAlgorithmName.SHA256, file.DerivedKeyLength),
            _ => throw new KeystoreFormatException("unsupported KDF"),
        };
        try
        {
            var mac = Mac(derived, file.Ciphertext);
            if (!CryptographicOperations.FixedTimeEquals(mac.ToArray(), file.Mac))
                throw new KeystorePasswordException();
            var secret = AesCtr.Transform(derived.AsSpan(0, 16), file.Iv, file.Ciphertext);
            return new DecryptedKeystore(secret, file.Address, file.Id);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    private static byte[] DeriveScrypt(byte[] password, byte[] salt, ScryptKdf s, int length)
    {
        try
        {
            return Scrypt.DeriveKey(password, salt, s.N, s.R, s.P, length);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new KeystoreFormatException($"unusable scrypt parameters: {e.Message}", e);
        }
    }

    private static Hash256 Mac(ReadOnlySpan<byte> derived, ReadOnlySpan<byte> ciphertext) =>
        new Keccak256().Append(derived[16..32]).Append(ciphertext).Finish();
}
