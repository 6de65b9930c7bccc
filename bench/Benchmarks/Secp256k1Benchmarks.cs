using BenchmarkDotNet.Attributes;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Benchmarks;

/// <summary>Each backend on its own: sign, recover the public key, recover the address, derive the public key.</summary>
[MemoryDiagnoser]
public class Secp256k1Benchmarks
{
    private readonly byte[] _publicKey = new byte[64];
    private ISecp256k1Backend _backend = null!;
    private byte[] _key = null!;
    private Hash256 _digest;
    private Signature _signature;

    [Params("native", "managed")]
    public string Backend { get; set; } = "native";

    [GlobalSetup]
    public void Setup()
    {
        _backend = Backend switch
        {
            "native" => NativeSecp256k1.TryLoad(out var native, out var failure)
                ? native
                : throw new InvalidOperationException($"libsecp256k1 is not loadable: {failure}"),
            _ => ManagedSecp256k1.Instance,
        };
        _key = Hex.Decode("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        _digest = Keccak256.Hash("benchmark"u8);
        _signature = _backend.Sign(_digest, _key);
    }

    [Benchmark]
    public Signature Sign() => _backend.Sign(_digest, _key);

    [Benchmark]
    public bool RecoverPublicKey() => _backend.TryRecoverPublicKey(_digest, _signature, _publicKey);

    /// <summary>Recovery plus the Keccak-256 of the key: what verifying a signed message costs.</summary>
    [Benchmark]
    public Address RecoverAddress()
    {
        _backend.TryRecoverPublicKey(_digest, _signature, _publicKey);
        return Address.FromPublicKey(_publicKey);
    }

    [Benchmark]
    public byte[] PublicKeyOf()
    {
        _backend.PublicKeyOf(_key, _publicKey);
        return _publicKey;
    }
}
