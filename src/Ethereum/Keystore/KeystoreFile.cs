using System.Text.Json;

namespace Photon.Ethereum.Keystore;

/// <summary>The parsed, validated fields of a v3 keystore file (nothing decrypted yet).</summary>
internal sealed record KeystoreFile(
    KeystoreKdf Kdf,
    byte[] Salt,
    int DerivedKeyLength,
    byte[] Iv,
    byte[] Ciphertext,
    byte[] Mac,
    Address? Address,
    string? Id)
{
    public static KeystoreFile Parse(string json)
    {
        var root = JsonRead.Parse(json, (message, inner) => new KeystoreFormatException($"keystore is {message}", inner));
        if (root.ValueKind != JsonValueKind.Object)
            throw new KeystoreFormatException("a keystore is a JSON object");
        var version = Required(root, "version");
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 3)
            throw new KeystoreFormatException($"only version 3 keystores are supported, got {MessageText.Quote(version.GetRawText(), 40)}");
        // geth writes "crypto"; some older wallets wrote "Crypto".
        var crypto = Optional(root, "crypto") ?? Optional(root, "Crypto")
            ?? throw new KeystoreFormatException("keystore has no 'crypto' section");
        var cipher = String(crypto, "cipher");
        if (cipher != "aes-128-ctr")
            throw new KeystoreFormatException($"unsupported cipher '{MessageText.Quote(cipher, 40)}' (only aes-128-ctr)");
        var iv = HexField(Required(Required(crypto, "cipherparams"), "iv"), "cipherparams.iv");
        if (iv.Length != 16)
            throw new KeystoreFormatException($"cipherparams.iv must be 16 bytes, got {iv.Length}");
        var ciphertext = HexField(Required(crypto, "ciphertext"), "ciphertext");
        var mac = HexField(Required(crypto, "mac"), "mac");
        if (mac.Length != 32)
            throw new KeystoreFormatException($"mac must be 32 bytes, got {mac.Length}");
        var kdfParams = Required(crypto, "kdfparams");
        var salt = HexField(Required(kdfParams, "salt"), "kdfparams.salt");
        var dkLen = Int(kdfParams, "dklen");
        // Only the first 32 derived bytes are ever used, and every wallet writes 32; a larger dklen
        // would only multiply the PBKDF2 work a hostile file can demand.
        if (dkLen != 32)
            throw new KeystoreFormatException($"kdfparams.dklen must be 32, got {dkLen}");
        var kdfName = String(crypto, "kdf");
        KeystoreKdf kdf = kdfName switch
        {
            "scrypt" => new ScryptKdf(Int(kdfParams, "n"), Int(kdfParams, "r"), Int(kdfParams, "p")),
            "pbkdf2" => Pbkdf2(kdfParams),
            _ => throw new KeystoreFormatException($"unsupported kdf '{MessageText.Quote(kdfName, 40)}' (scrypt or pbkdf2)"),
        };
        Address? address = null;
        if (Optional(root, "address") is { ValueKind: JsonValueKind.String } a)
        {
            address = Ethereum.Address.TryParse(a.GetString(), out var parsed)
                ? parsed
                : throw new KeystoreFormatException($"address field '{MessageText.Quote(a.GetString()!, 50)}' is not an address");
        }
        var id = Optional(root, "id") is { ValueKind: JsonValueKind.String } i ? i.GetString() : null;
        return new KeystoreFile(kdf, salt, dkLen, iv, ciphertext, mac, address, id);
    }

    private static Pbkdf2Kdf Pbkdf2(JsonElement kdfParams)
    {
        var prf = String(kdfParams, "prf");
        if (prf != "hmac-sha256")
            throw new KeystoreFormatException($"unsupported pbkdf2 prf '{MessageText.Quote(prf, 40)}' (only hmac-sha256)");
        var c = Int(kdfParams, "c");
        if (c < 1 || c > KeystoreV3.MaxPbkdf2Iterations)
            throw new KeystoreFormatException($"pbkdf2 iteration count {c} is outside [1, {KeystoreV3.MaxPbkdf2Iterations}]");
        return new Pbkdf2Kdf(c);
    }

    private static JsonElement? Optional(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : null;

    private static JsonElement Required(JsonElement e, string name) =>
        Optional(e, name) ?? throw new KeystoreFormatException($"keystore field '{name}' is missing");

    private static string String(JsonElement e, string name)
    {
        var v = Required(e, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new KeystoreFormatException($"keystore field '{name}' must be a string");
    }

    private static int Int(JsonElement e, string name)
    {
        var v = Required(e, name);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n)
            ? n
            : throw new KeystoreFormatException($"keystore field '{name}' must be a 32-bit integer, got {MessageText.Quote(v.GetRawText(), 40)}");
    }

    private static byte[] HexField(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.String || !Hex.TryDecode(e.GetString(), out var bytes))
            throw new KeystoreFormatException($"keystore field '{name}' must be hex");
        return bytes;
    }
}
