namespace Photon.Ethereum.Crypto;

/// <summary>
/// A known-answer test run on a backend before it is trusted: a wrongly built or ABI-incompatible
/// library must fall back to the managed code rather than sign garbage. The expected values come
/// from ethers v6 for the "cow" key of the Ethereum project's keyaddrtest.json.
/// </summary>
internal static class Secp256k1SelfTest
{
    private const string Key = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";
    private const string PublicKey =
        "0x0947751e3022ecf3016be03ec77ab0ce3c2662b4843898cb068d74f698ccc8ad75aa17564ae80a20bb044ee7a6d903e8e8df624b089c95d66a0570f051e5a05b";

    /// <summary>ethers' <c>SigningKey.sign(keccak256("0x"))</c>.</summary>
    private const string SignatureOfEmptyKeccak =
        "0x969c6401753252baddcfba4ed7aa993988ed1a4bf5af7f527126d82b4e7ba45c24f291dc14754f97176c24c9842e2b82af72f2c8c8f7a931e0cd4611809007a31c";

    private const string Generator =
        "0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    /// <summary>Null when every answer is right, otherwise what went wrong.</summary>
    public static string? Run(ISecp256k1Backend backend)
    {
        try
        {
            var key = Hex.Decode(Key);
            var expectedPublicKey = Hex.Decode(PublicKey);
            Span<byte> publicKey = stackalloc byte[64];

            if (!backend.IsValidPrivateKey(key) || backend.IsValidPrivateKey(Signature.CurveOrder.ToBigEndian()))
                return "private key validation gives wrong answers";
            backend.PublicKeyOf(key, publicKey);
            if (!publicKey.SequenceEqual(expectedPublicKey))
                return "wrong public key";
            var digest = Keccak256.OfEmpty;
            var signature = backend.Sign(digest, key);
            if (signature != Signature.Parse(SignatureOfEmptyKeccak))
                return $"wrong signature {signature}";
            publicKey.Clear();
            if (!backend.TryRecoverPublicKey(digest, signature, publicKey) || !publicKey.SequenceEqual(expectedPublicKey))
                return "recovery gives the wrong public key";
            // key · G is the public key: checks the ECDH path against the signing path.
            backend.SharedSecretPoint(key, Hex.Decode(Generator), publicKey);
            return publicKey.SequenceEqual(expectedPublicKey) ? null : "wrong ECDH point";
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException
                                      or System.Security.Cryptography.CryptographicException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
