using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Benchmarks;

/// <summary>
/// The cost of the <see cref="NativeSecp256k1"/> wrapper: libsecp256k1 called directly through
/// minimal DllImports (the baseline) against the wrapper doing the same work — sign + serialize,
/// and parse + recover + serialize — with conversions to and from <see cref="Signature"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe partial class RawSecp256k1Benchmarks
{
    private const string Library = "libsecp256k1.so.1";

    private readonly byte[] _key = Hex.Decode("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private readonly byte[] _message = Keccak256.Hash("benchmark"u8).ToArray();
    private readonly byte[] _compact = new byte[64];
    private readonly byte[] _publicKey = new byte[64];
    private NativeSecp256k1 _wrapper = null!;
    private nint _context;
    private int _recoveryId;
    private Hash256 _digest;
    private Signature _signature;

    [GlobalSetup]
    public void Setup()
    {
        _wrapper = NativeSecp256k1.TryLoad(out var native, out var failure)
            ? native
            : throw new InvalidOperationException($"libsecp256k1 is not loadable: {failure}");
        _context = ContextCreate((1u << 0) | (1u << 8) | (1u << 9));
        var seed = new byte[32];
        new Random(1).NextBytes(seed);
        fixed (byte* s = seed)
        {
            if (ContextRandomize(_context, s) != 1)
                throw new InvalidOperationException("secp256k1_context_randomize failed");
        }
        _digest = new Hash256(_message);
        _signature = _wrapper.Sign(_digest, _key);
        _recoveryId = RawSign();
        if (_recoveryId is not (0 or 1) || RawRecover() != 1)
            throw new InvalidOperationException("libsecp256k1 called directly failed");
    }

    [GlobalCleanup]
    public void Cleanup() => ContextDestroy(_context);

    [Benchmark(Baseline = true), BenchmarkCategory("sign")]
    public int RawSign()
    {
        var signature = stackalloc byte[65];
        int recoveryId;
        int ok;
        fixed (byte* m = _message, k = _key, c = _compact)
            ok = SignRecoverable(_context, signature, m, k, null, null) & SerializeCompact(_context, c, &recoveryId, signature);
        return ok == 1 ? recoveryId : -1;
    }

    [Benchmark, BenchmarkCategory("sign")]
    public Signature WrapperSign() => _wrapper.Sign(_digest, _key);

    [Benchmark(Baseline = true), BenchmarkCategory("recover")]
    public int RawRecover()
    {
        var signature = stackalloc byte[65];
        var pubkey = stackalloc byte[64];
        var serialized = stackalloc byte[65];
        nuint length = 65;
        int ok;
        fixed (byte* m = _message, c = _compact)
            ok = ParseCompact(_context, signature, c, _recoveryId) & Recover(_context, pubkey, signature, m);
        return ok & PubkeySerialize(_context, serialized, &length, pubkey, 1u << 1);
    }

    [Benchmark, BenchmarkCategory("recover")]
    public bool WrapperRecover() => _wrapper.TryRecoverPublicKey(_digest, _signature, _publicKey);

    [DllImport(Library, EntryPoint = "secp256k1_context_create")]
    private static extern nint ContextCreate(uint flags);

    [DllImport(Library, EntryPoint = "secp256k1_context_destroy")]
    private static extern void ContextDestroy(nint context);

    [DllImport(Library, EntryPoint = "secp256k1_context_randomize")]
    private static extern int ContextRandomize(nint context, byte* seed32);

    [DllImport(Library, EntryPoint = "secp256k1_ecdsa_sign_recoverable")]
    private static extern int SignRecoverable(nint context, byte* signature, byte* message32, byte* key32, void* nonceFunction, void* nonceData);

    [DllImport(Library, EntryPoint = "secp256k1_ecdsa_recoverable_signature_serialize_compact")]
    private static extern int SerializeCompact(nint context, byte* output64, int* recoveryId, byte* signature);

    [DllImport(Library, EntryPoint = "secp256k1_ecdsa_recoverable_signature_parse_compact")]
    private static extern int ParseCompact(nint context, byte* signature, byte* input64, int recoveryId);

    [DllImport(Library, EntryPoint = "secp256k1_ecdsa_recover")]
    private static extern int Recover(nint context, byte* pubkey, byte* signature, byte* message32);

    [DllImport(Library, EntryPoint = "secp256k1_ec_pubkey_serialize")]
    private static extern int PubkeySerialize(nint context, byte* output, nuint* outputLength, byte* pubkey, uint flags);
}
