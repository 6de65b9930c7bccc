using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Locks;

public sealed class HashTimeLockTests
{
    [Fact]
    public void A_lock_encodes_as_three_abi_words_and_hashes_to_their_keccak()
    {
        var samples = new LockSamples(1);
        for (var i = 0; i < 30; i++)
        {
            var lockValue = samples.HashTimeLock();
            var expected = AbiCodec.Encode(
                [AbiType.UInt256, AbiType.UInt256, AbiType.Bytes32],
                [lockValue.Expiration, lockValue.Amount, lockValue.SecretHash]);

            Assert.Equal(expected, lockValue.Encode());
            Assert.Equal(HashTimeLock.EncodedLength, lockValue.Encode().Length);
            Assert.Equal(Keccak256.Hash(expected), lockValue.LockHash);
        }
    }

    [Fact]
    public void Each_lock_field_changes_the_lock_hash()
    {
        var secretHash = SecretHash.Of(new byte[32]);
        var lockValue = new HashTimeLock(100, 5, secretHash);

        Hash256[] hashes =
        [
            lockValue.LockHash,
            (lockValue with { Expiration = 101 }).LockHash,
            (lockValue with { Amount = 6 }).LockHash,
            (lockValue with { SecretHash = SecretHash.Of(new byte[31].Append((byte)1).ToArray()) }).LockHash,
            new HashTimeLock(5, 100, secretHash).LockHash,
        ];

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
    }

    [Fact]
    public void Write_to_refuses_a_destination_shorter_than_96_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => new HashTimeLock(1, 2, Hash256.Zero).WriteTo(new byte[95]));

        Assert.Contains("96", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_hash_is_sha256_of_the_32_byte_secret()
    {
        var samples = new LockSamples(2);
        for (var i = 0; i < 10; i++)
        {
            var secret = samples.Bytes(32);

            Assert.Equal(new Hash256(System.Security.Cryptography.SHA256.HashData(secret)), SecretHash.Of(secret));
            Assert.Equal(SecretHash.Of(secret), SecretHash.Of(new Hash256(secret)));
            Assert.NotEqual(Keccak256.Hash(secret), SecretHash.Of(secret));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Secret_hash_refuses_a_secret_that_is_not_32_bytes(int length)
    {
        var error = Assert.Throws<InvalidSecretException>(() => SecretHash.Of(new byte[length]));

        Assert.IsAssignableFrom<FormatException>(error);
        Assert.Equal($"a secret has 32 bytes, got {length}", error.Message);
    }

    [Fact]
    public void Balance_hash_is_zero_exactly_when_amount_and_locksroot_are_both_zero()
    {
        var root = new Hash256([.. new byte[31], 1]);

        Assert.Equal(Hash256.Zero, BalanceHash.Compute(UInt256.Zero, Hash256.Zero));
        Assert.Equal(Encoded(UInt256.Zero, root), BalanceHash.Compute(UInt256.Zero, root));
        Assert.Equal(Encoded(UInt256.One, Hash256.Zero), BalanceHash.Compute(UInt256.One, Hash256.Zero));
        Assert.Equal(Encoded(UInt256.MaxValue, root), BalanceHash.Compute(UInt256.MaxValue, root));
        Assert.NotEqual(Hash256.Zero, BalanceHash.Compute(UInt256.One, Hash256.Zero));
    }

    private static Hash256 Encoded(UInt256 amount, Hash256 locksroot) =>
        Keccak256.Hash(AbiCodec.Encode([AbiType.UInt256, AbiType.Bytes32], [amount, locksroot]));
}
