using BenchmarkDotNet.Attributes;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Benchmarks;

[MemoryDiagnoser]
public class Keccak256Benchmarks
{
    private readonly byte[] _word = new byte[32];
    private readonly byte[] _kibibyte = new byte[1024];

    [GlobalSetup]
    public void Setup()
    {
        new Random(32).NextBytes(_word);
        new Random(1024).NextBytes(_kibibyte);
    }

    [Benchmark]
    public Hash256 Keccak256_32_bytes() => Keccak256.Hash(_word);

    [Benchmark]
    public Hash256 Keccak256_1_KiB() => Keccak256.Hash(_kibibyte);
}
