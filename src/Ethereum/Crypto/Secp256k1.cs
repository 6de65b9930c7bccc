using Microsoft.Extensions.Logging;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// secp256k1 for Ethereum: deterministic (RFC 6979) signing, public-key recovery with EIP-2's
/// low-s rule, public keys and ECDH. Backed by libsecp256k1 when it loads and passes a
/// known-answer self-test, by BouncyCastle otherwise; both give identical results.
/// </summary>
/// <remarks>
/// The environment variable <c>PHOTON_SECP256K1</c> forces a backend: <c>native</c> (fail if
/// libsecp256k1 is unusable) or <c>managed</c>; unset or <c>auto</c> chooses. The choice is made
/// once, on first use, and logged once through <see cref="EthereumLogging.LoggerFactory"/>.
/// </remarks>
public static partial class Secp256k1
{
    public const string EnvironmentVariable = "PHOTON_SECP256K1";

    private static readonly Lazy<ISecp256k1Backend> Chosen = new(() => Select(
        Environment.GetEnvironmentVariable(EnvironmentVariable),
        EthereumLogging.LoggerFactory.CreateLogger(typeof(Secp256k1).FullName!),
        LoadNative));

    /// <summary>The backend in use (chosen on first access).</summary>
    public static ISecp256k1Backend Backend => Chosen.Value;

    /// <summary>E.g. <c>native libsecp256k1 (libsecp256k1.so.1)</c> or <c>managed BouncyCastle</c>.</summary>
    public static string BackendName => Backend.Name;

    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey) => Backend.IsValidPrivateKey(privateKey);

    /// <summary>The 64-byte public key <c>x ‖ y</c>. Throws <see cref="InvalidPrivateKeyException"/>.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        var publicKey = new byte[64];
        Backend.PublicKeyOf(privateKey, publicKey);
        return publicKey;
    }

    /// <summary>Signs a digest (RFC 6979, low s, v 27/28). Throws <see cref="InvalidPrivateKeyException"/>.</summary>
    public static Signature Sign(Hash256 digest, ReadOnlySpan<byte> privateKey) => Backend.Sign(digest, privateKey);

    /// <summary>
    /// The 64-byte public key that signed <paramref name="digest"/>. Throws
    /// <see cref="InvalidSignatureException"/> for a high-s signature (EIP-2) or when no key is recoverable.
    /// </summary>
    public static byte[] RecoverPublicKey(Hash256 digest, Signature signature)
    {
        var publicKey = new byte[64];
        RecoverInto(digest, signature, publicKey);
        return publicKey;
    }

    /// <summary>The signer's address. Throws <see cref="InvalidSignatureException"/> like <see cref="RecoverPublicKey"/>.</summary>
    public static Address RecoverAddress(Hash256 digest, Signature signature)
    {
        Span<byte> publicKey = stackalloc byte[64];
        RecoverInto(digest, signature, publicKey);
        return Address.FromPublicKey(publicKey);
    }

    /// <summary>For hot paths that only accept or reject: false wherever <see cref="RecoverAddress"/> would throw.</summary>
    public static bool TryRecoverAddress(Hash256 digest, Signature signature, out Address address)
    {
        Span<byte> publicKey = stackalloc byte[64];
        if (!Backend.TryRecoverPublicKey(digest, signature, publicKey))
        {
            address = default;
            return false;
        }
        address = Address.FromPublicKey(publicKey);
        return true;
    }

    /// <summary>
    /// ECDH: the point <c>privateKey · publicKey</c> as 64 bytes <c>x ‖ y</c> (ECIES keys derive from x).
    /// Throws <see cref="InvalidPrivateKeyException"/> or <see cref="InvalidPublicKeyException"/>.
    /// </summary>
    public static byte[] SharedSecretPoint(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        var point = new byte[64];
        Backend.SharedSecretPoint(privateKey, publicKey, point);
        return point;
    }

    private static void RecoverInto(in Hash256 digest, in Signature signature, Span<byte> publicKey)
    {
        if (signature.V is not (27 or 28))
            throw new InvalidSignatureException($"signature v must be 27 or 28, got {signature.V}");
        if (!signature.IsLowS)
            throw new InvalidSignatureException("signature s is in the upper half of the curve order (malleable; refused by EIP-2)");
        if (!Backend.TryRecoverPublicKey(digest, signature, publicKey))
            throw new InvalidSignatureException("no public key can be recovered from this signature and digest");
    }

    private static (ISecp256k1Backend? Backend, string Failure) LoadNative() =>
        NativeSecp256k1.TryLoad(out var native, out var failure) ? (native, "") : (null, failure);

    /// <summary>
    /// The selection policy, separate from the process-wide state so it can be tested:
    /// <paramref name="setting"/> is the value of <c>PHOTON_SECP256K1</c>.
    /// </summary>
    internal static ISecp256k1Backend Select(
        string? setting, ILogger logger, Func<(ISecp256k1Backend? Backend, string Failure)> loadNative)
    {
        var mode = setting?.Trim().ToUpperInvariant() ?? "";
        switch (mode)
        {
            case "MANAGED":
                LogForced(logger, ManagedSecp256k1.Instance.Name, EnvironmentVariable, setting);
                return ManagedSecp256k1.Instance;
            case "NATIVE":
            {
                var (native, failure) = LoadAndCheck(loadNative);
                if (native is null)
                    throw new InvalidOperationException(
                        $"{EnvironmentVariable}={setting} but the native secp256k1 backend is unusable: {failure}");
                LogForced(logger, native.Name, EnvironmentVariable, setting);
                return native;
            }
            case "" or "AUTO":
            {
                var (native, failure) = LoadAndCheck(loadNative);
                if (native is not null)
                {
                    LogBackend(logger, native.Name);
                    return native;
                }
                LogFallback(logger, ManagedSecp256k1.Instance.Name, failure);
                return ManagedSecp256k1.Instance;
            }
            default:
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} must be 'native', 'managed', 'auto' or unset; got '{setting}'");
        }
    }

    private static (ISecp256k1Backend? Backend, string Failure) LoadAndCheck(Func<(ISecp256k1Backend? Backend, string Failure)> loadNative)
    {
        var (native, failure) = loadNative();
        if (native is null)
            return (null, failure);
        var selfTestFailure = Secp256k1SelfTest.Run(native);
        return selfTestFailure is null ? (native, "") : (null, $"{native.Name} failed its self-test: {selfTestFailure}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "secp256k1 backend: {Backend}")]
    private static partial void LogBackend(ILogger logger, string backend);

    [LoggerMessage(Level = LogLevel.Information, Message = "secp256k1 backend: {Backend} (forced by {Variable}={Setting})")]
    private static partial void LogForced(ILogger logger, string backend, string variable, string? setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "secp256k1 backend: {Backend} (native library unavailable: {Reason})")]
    private static partial void LogFallback(ILogger logger, string backend, string reason);
}
