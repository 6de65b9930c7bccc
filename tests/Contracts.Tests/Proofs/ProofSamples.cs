using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.Eip712;

namespace Photon.Contracts.Tests.Proofs;

/// <summary>
/// Reproducible random proof values (a seeded generator), with the edges a careless encoder gets
/// wrong mixed in often: zero, one, all-ones words and the zero address.
/// </summary>
internal sealed class ProofSamples(int seed)
{
    public const int Kinds = 6;

    private readonly Random _random = new(seed);

    public UInt256 Number() => _random.Next(8) switch
    {
        0 => UInt256.Zero,
        1 => UInt256.One,
        2 => UInt256.MaxValue,
        3 => (UInt256)(ulong)_random.NextInt64(),
        _ => UInt256.FromBigEndian(RandomBytes(_random.Next(1, 33))),
    };

    public Hash256 Hash() => _random.Next(8) switch
    {
        0 => Hash256.Zero,
        1 => new Hash256(Enumerable.Repeat((byte)0xff, 32).ToArray()),
        _ => new Hash256(RandomBytes(32)),
    };

    public Address Address() => _random.Next(8) == 0 ? Ethereum.Address.Zero : new Address(RandomBytes(20));

    public PrivateKey Key()
    {
        while (true)
        {
            var bytes = RandomBytes(32);
            if (Secp256k1.IsValidPrivateKey(bytes))
                return PrivateKey.FromBytes(bytes);
        }
    }

    /// <summary>A domain with a random chain id (any uint256: EIP-712 does not bound it) and token network.</summary>
    public Eip712Domain Domain()
    {
        var chainId = _random.Next(3) == 0 ? (UInt256)(ulong)_random.Next(1, 100_000) : Number();
        return PhotonDomain.Create(chainId, new Address(RandomBytes(20)));
    }

    /// <summary>One proof of the given kind (0 to <see cref="Kinds"/> - 1), in the order of DESIGN.md §5.</summary>
    public SignedProof Proof(int kind) => kind switch
    {
        0 => new BalanceProof(Number(), Hash(), Number(), Hash()),
        1 => new MonitorDelegation(Number(), Hash(), Number(), Hash(), Address(), Number()),
        2 => new WithdrawProof(Number(), Address(), Number(), Number()),
        3 => new CooperativeSettleProof(Number(), Address(), Number(), Address(), Number()),
        4 => new DisposedProof(Number(), Hash(), Hash()),
        5 => new UnlockDelegation(Number(), Address(), Hash()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
}
