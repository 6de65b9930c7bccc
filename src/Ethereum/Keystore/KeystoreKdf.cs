namespace Photon.Ethereum.Keystore;

/// <summary>Key derivation settings for a new keystore.</summary>
public abstract record KeystoreKdf
{
    /// <summary>geth's standard scrypt cost (N = 2^18, r = 8, p = 1): about 256 MiB and a second or so.</summary>
    public static readonly KeystoreKdf StandardScrypt = new ScryptKdf(1 << 18, 8, 1);

    /// <summary>geth's light scrypt cost (N = 2^12, r = 8, p = 6): for throwaway development keys only.</summary>
    public static readonly KeystoreKdf LightScrypt = new ScryptKdf(1 << 12, 8, 6);

    private protected KeystoreKdf()
    {
    }
}

public sealed record ScryptKdf(int N, int R, int P) : KeystoreKdf;

/// <summary>PBKDF2 with HMAC-SHA256 (the only PRF the v3 format defines).</summary>
public sealed record Pbkdf2Kdf(int Iterations) : KeystoreKdf;
