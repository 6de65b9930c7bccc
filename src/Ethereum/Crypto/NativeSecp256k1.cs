using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Photon.Ethereum.Crypto;

/// <summary>
/// secp256k1 through the C library libsecp256k1 (Bitcoin Core's), loaded at run time. One context,
/// created once with sign and verify capabilities and randomized against side channels, serves
/// every thread: after randomization the library only reads it. The entry points are resolved
/// once into unmanaged function pointers, so a call costs what a <c>DllImport</c> costs.
/// </summary>
/// <remarks>
/// libsecp256k1's default nonce function is RFC 6979 with HMAC-SHA256 and no extra data, which
/// is what <see cref="ManagedSecp256k1"/> implements, so both give the same signatures.
/// </remarks>
[SkipLocalsInit]
public sealed unsafe class NativeSecp256k1 : ISecp256k1Backend
{
    /// <summary>Tried in order: Debian/Ubuntu sonames first, then the platform's usual names.</summary>
    private static readonly string[] LibraryNames = ["libsecp256k1.so.1", "libsecp256k1.so.2", "libsecp256k1.so", "libsecp256k1"];

    // Flag values from secp256k1.h: SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY, SECP256K1_EC_UNCOMPRESSED.
    private const uint ContextSignVerify = (1u << 0) | (1u << 8) | (1u << 9);
    private const uint SerializeUncompressed = 1u << 1;

    // Sizes of the library's opaque structs (secp256k1_pubkey, secp256k1_ecdsa_recoverable_signature).
    private const int PubkeyStructSize = 64;
    private const int RecoverableSignatureStructSize = 65;

    private static readonly Lazy<(NativeSecp256k1? Backend, string Failure)> Loaded = new(LoadOnce);

    private readonly nint _context;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, int> _seckeyVerify;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, int> _pubkeyCreate;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint*, byte*, uint, int> _pubkeySerialize;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, nuint, int> _pubkeyParse;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, void*, void*, int> _signRecoverable;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, int*, byte*, int> _serializeCompact;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, int, int> _parseCompact;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int> _recover;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, void*, void*, int> _ecdh;

    private NativeSecp256k1(nint library, string libraryName)
    {
        LibraryName = libraryName;
        var contextCreate = (delegate* unmanaged[Cdecl]<uint, nint>)Export(library, "secp256k1_context_create");
        var contextRandomize = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "secp256k1_context_randomize");
        var setIllegalCallback = (delegate* unmanaged[Cdecl]<nint, void*, void*, void>)Export(library, "secp256k1_context_set_illegal_callback");
        _seckeyVerify = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "secp256k1_ec_seckey_verify");
        _pubkeyCreate = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, int>)Export(library, "secp256k1_ec_pubkey_create");
        _pubkeySerialize = (delegate* unmanaged[Cdecl]<nint, byte*, nuint*, byte*, uint, int>)Export(library, "secp256k1_ec_pubkey_serialize");
        _pubkeyParse = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nuint, int>)Export(library, "secp256k1_ec_pubkey_parse");
        _signRecoverable = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, void*, void*, int>)Export(library, "secp256k1_ecdsa_sign_recoverable");
        _serializeCompact = (delegate* unmanaged[Cdecl]<nint, byte*, int*, byte*, int>)Export(library, "secp256k1_ecdsa_recoverable_signature_serialize_compact");
        _parseCompact = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, int, int>)Export(library, "secp256k1_ecdsa_recoverable_signature_parse_compact");
        _recover = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int>)Export(library, "secp256k1_ecdsa_recover");
        _ecdh = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, void*, void*, int>)Export(library, "secp256k1_ecdh");

        _context = contextCreate(ContextSignVerify);
        if (_context == 0)
            throw new InvalidOperationException("secp256k1_context_create returned NULL");
        // The library's default reaction to an illegal argument is abort(). Every argument is
        // checked before a call, so this never fires; if it ever did, the call returns 0 and we
        // throw a managed exception instead of killing the process.
        setIllegalCallback(_context, (delegate* unmanaged[Cdecl]<byte*, void*, void>)&IgnoreIllegalArgument, null);
        byte* seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(new Span<byte>(seed, 32));
        var randomized = contextRandomize(_context, seed);
        CryptographicOperations.ZeroMemory(new Span<byte>(seed, 32));
        if (randomized != 1)
            throw new InvalidOperationException("secp256k1_context_randomize failed");
    }

    /// <summary>The file name the library was loaded from, e.g. <c>libsecp256k1.so.1</c>.</summary>
    public string LibraryName { get; }

    public string Name => $"native libsecp256k1 ({LibraryName})";

    /// <summary>
    /// The process-wide instance, or false with the reason (library missing, symbol missing) when
    /// libsecp256k1 cannot be used. The load is attempted once per process.
    /// </summary>
    public static bool TryLoad([NotNullWhen(true)] out NativeSecp256k1? backend, out string failure)
    {
        (backend, failure) = Loaded.Value;
        return backend is not null;
    }

    private static (NativeSecp256k1? Backend, string Failure) LoadOnce()
    {
        var tried = new List<string>();
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
                return Create(handle, name);
            tried.Add(name);
        }
        // Lets the runtime add the platform's prefix and suffix (secp256k1.dll, libsecp256k1.dylib).
        if (NativeLibrary.TryLoad("secp256k1", typeof(NativeSecp256k1).Assembly, null, out var probed))
            return Create(probed, "secp256k1");
        tried.Add("secp256k1");
        return (null, $"none of {string.Join(", ", tried)} could be loaded (install libsecp256k1, e.g. Debian's libsecp256k1-1)");
    }

    private static (NativeSecp256k1? Backend, string Failure) Create(nint handle, string name)
    {
        try
        {
            return (new NativeSecp256k1(handle, name), "");
        }
        catch (Exception e) when (e is EntryPointNotFoundException or InvalidOperationException)
        {
            return (null, $"{name} is not usable: {e.Message}");
        }
    }

    private static nint Export(nint library, string symbol) =>
        NativeLibrary.TryGetExport(library, symbol, out var address)
            ? address
            : throw new EntryPointNotFoundException($"symbol {symbol} is missing (a build without the recovery or ecdh module?)");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void IgnoreIllegalArgument(byte* message, void* data)
    {
    }

    /// <summary>The ECDH "hash" that keeps the whole point: output = x ‖ y.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CopyPoint(byte* output, byte* x32, byte* y32, void* data)
    {
        Buffer.MemoryCopy(x32, output, 32, 32);
        Buffer.MemoryCopy(y32, output + 32, 32, 32);
        return 1;
    }

    public bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
            return false;
        fixed (byte* key = privateKey)
            return _seckeyVerify(_context, key) == 1;
    }

    public void PublicKeyOf(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        RequireKeyLength(privateKey);
        RequireOutput(publicKey, 64, nameof(publicKey));
        byte* pubkey = stackalloc byte[PubkeyStructSize];
        fixed (byte* key = privateKey)
        {
            if (_pubkeyCreate(_context, pubkey, key) != 1)
                throw Secp256k1Checks.OutOfRangeKey();
        }
        WritePublicKey(pubkey, publicKey);
    }

    public Signature Sign(in Hash256 digest, ReadOnlySpan<byte> privateKey)
    {
        RequireKeyLength(privateKey);
        byte* message = stackalloc byte[32];
        digest.WriteTo(new Span<byte>(message, 32));
        byte* signature = stackalloc byte[RecoverableSignatureStructSize];
        fixed (byte* key = privateKey)
        {
            // A null nonce function selects the library default, RFC 6979 HMAC-SHA256.
            if (_signRecoverable(_context, signature, message, key, null, null) != 1)
                throw Secp256k1Checks.OutOfRangeKey();
        }
        byte* compact = stackalloc byte[64];
        int recoveryId;
        _serializeCompact(_context, compact, &recoveryId, signature);
        return Secp256k1Checks.ToEthereumSignature(new ReadOnlySpan<byte>(compact, 64), recoveryId);
    }

    public bool TryRecoverPublicKey(in Hash256 digest, in Signature signature, Span<byte> publicKey)
    {
        RequireOutput(publicKey, 64, nameof(publicKey));
        // default(Signature) has v = 0; the library would treat its recovery id as an illegal argument.
        if (signature.V is not (27 or 28) || !signature.IsLowS)
            return false;
        byte* compact = stackalloc byte[64];
        signature.R.WriteBigEndian(new Span<byte>(compact, 32));
        signature.S.WriteBigEndian(new Span<byte>(compact + 32, 32));
        byte* parsed = stackalloc byte[RecoverableSignatureStructSize];
        if (_parseCompact(_context, parsed, compact, signature.RecoveryId) != 1)
            return false;
        byte* message = stackalloc byte[32];
        digest.WriteTo(new Span<byte>(message, 32));
        byte* pubkey = stackalloc byte[PubkeyStructSize];
        if (_recover(_context, pubkey, parsed, message) != 1)
            return false;
        WritePublicKey(pubkey, publicKey);
        return true;
    }

    public void SharedSecretPoint(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, Span<byte> sharedPoint)
    {
        RequireKeyLength(privateKey);
        RequireOutput(sharedPoint, 64, nameof(sharedPoint));
        // Key first, then point, in the same order as the managed backend.
        if (!IsValidPrivateKey(privateKey))
            throw Secp256k1Checks.OutOfRangeKey();
        if (publicKey.Length != 64)
            throw new InvalidPublicKeyException($"a public key has 64 bytes (x ‖ y), got {publicKey.Length}");
        byte* encoded = stackalloc byte[65];
        encoded[0] = 0x04;
        publicKey.CopyTo(new Span<byte>(encoded + 1, 64));
        byte* pubkey = stackalloc byte[PubkeyStructSize];
        if (_pubkeyParse(_context, pubkey, encoded, 65) != 1)
            throw new InvalidPublicKeyException("the public key is not a point on secp256k1");
        byte* output = stackalloc byte[64];
        int ok;
        // secp256k1_ecdh multiplies in constant time, unlike secp256k1_ec_pubkey_tweak_mul.
        fixed (byte* key = privateKey)
            ok = _ecdh(_context, output, pubkey, key, (delegate* unmanaged[Cdecl]<byte*, byte*, byte*, void*, int>)&CopyPoint, null);
        var point = new Span<byte>(output, 64);
        if (ok != 1)
            throw Secp256k1Checks.OutOfRangeKey();
        point.CopyTo(sharedPoint);
        // The shared point is a secret (ECIES derives its keys from x).
        CryptographicOperations.ZeroMemory(point);
    }

    private void WritePublicKey(byte* pubkey, Span<byte> destination)
    {
        byte* serialized = stackalloc byte[65];
        nuint length = 65;
        _pubkeySerialize(_context, serialized, &length, pubkey, SerializeUncompressed);
        new ReadOnlySpan<byte>(serialized + 1, 64).CopyTo(destination);
    }

    private static void RequireKeyLength(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
            throw Secp256k1Checks.WrongKeyLength(privateKey.Length);
    }

    private static void RequireOutput(Span<byte> output, int length, string name)
    {
        if (output.Length < length)
            throw new ArgumentException($"the output needs {length} bytes, got {output.Length}", name);
    }
}
