using Photon.Ethereum.Crypto;

namespace Photon.Ethereum.Tests.Crypto;

/// <summary>The two secp256k1 backends under test. The native one is required: CI installs libsecp256k1.</summary>
internal static class Backends
{
    public static NativeSecp256k1 Native
    {
        get
        {
            Assert.True(
                NativeSecp256k1.TryLoad(out var native, out var failure),
                $"libsecp256k1 must be loadable for the native-vs-managed tests (install Debian's libsecp256k1-1): {failure}");
            return native;
        }
    }

    public static ManagedSecp256k1 Managed => ManagedSecp256k1.Instance;

    public static ISecp256k1Backend ByName(string name) => name switch
    {
        "native" => Native,
        "managed" => Managed,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "native or managed"),
    };

    public static TheoryData<string> Names => new() { "native", "managed" };

    /// <summary>A uniformly random valid private key from a seeded generator (reproducible runs).</summary>
    public static byte[] RandomKey(Random random)
    {
        var key = new byte[32];
        do
            random.NextBytes(key);
        while (!Managed.IsValidPrivateKey(key));
        return key;
    }
}
