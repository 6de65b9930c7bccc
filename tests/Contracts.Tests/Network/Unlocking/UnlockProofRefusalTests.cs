using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>An unlock must reproduce the payer's stored balance hash exactly: lock, Merkle path and transferred amount.</summary>
public sealed class UnlockProofRefusalTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private const ulong Transferred = 40;

    [Fact]
    public async Task A_wrong_merkle_path_is_refused()
    {
        var (channel, locks, proof) = await ClosedWithFiveLocksAsync();
        var target = locks[1];
        var path = proof.MerkleProofOf(target.LockHash);
        var flipped = (byte[])path.Clone();
        flipped[^1] ^= 0x01;

        foreach (var wrong in new[]
        {
            flipped,
            proof.MerkleProofOf(locks[2].LockHash), // another lock's path
            path[..^32], // the last sibling left out
            [.. path, .. locks[3].LockHash.ToArray()], // one sibling too many
            [], // no path at all
        })
        {
            var error = await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(target.Lock, Transferred, wrong));
            Assert.Equal(channel.Payer.Address, error.Arguments.GetAddress("participant"));
        }
        Assert.False(await channel.IsUnlockedAsync(target));
        Assert.Equal(proof.BalanceHash, (await channel.PayerInfoAsync()).BalanceHash);
    }

    [Fact]
    public async Task A_lock_with_any_field_changed_is_refused()
    {
        var (channel, locks, proof) = await ClosedWithFiveLocksAsync();
        var target = locks[2];
        var path = proof.MerkleProofOf(target.LockHash);
        // Another registered secret, so that the refusal comes from the locksroot and not the registry.
        var otherSecret = UnlockableLock.Create(target.Lock.Expiration, target.Amount);
        await channel.RegisterSecretsAsync(otherSecret);

        foreach (var wrong in new[]
        {
            target.Lock with { Amount = target.Amount + 1 },
            target.Lock with { Amount = target.Amount - 1 },
            target.Lock with { Expiration = target.Lock.Expiration + 1 },
            target.Lock with { SecretHash = otherSecret.Lock.SecretHash },
        })
        {
            var error = await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(wrong, Transferred, path));
            Assert.Equal(channel.Payer.Address, error.Arguments.GetAddress("participant"));
        }
        Assert.False(await channel.IsUnlockedAsync(target));
    }

    [Fact]
    public async Task A_wrong_transferred_amount_is_refused()
    {
        var (channel, locks, proof) = await ClosedWithFiveLocksAsync();
        var target = locks[4];

        foreach (UInt256 wrong in new ulong[] { Transferred - 1, Transferred + 1, 0 })
        {
            var error = await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(proof, target, wrong));
            Assert.Equal(channel.Payer.Address, error.Arguments.GetAddress("participant"));
        }
        Assert.False(await channel.IsUnlockedAsync(target));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(95)]
    public async Task A_merkle_proof_that_is_not_a_multiple_of_32_bytes_is_malformed(int length)
    {
        var (channel, locks, proof) = await ClosedWithFiveLocksAsync();
        var target = locks[0];
        var path = proof.MerkleProofOf(target.LockHash); // 96 bytes for five leaves
        var malformed = length <= path.Length ? path[..length] : [.. path, .. new byte[length - path.Length]];

        var error = await channel.RefusesAsync("MalformedMerkleProof", () => channel.UnlockAsync(target.Lock, Transferred, malformed));

        Assert.Equal(new UInt256((ulong)length), error.Arguments.GetUInt256("length"));
        Assert.False(await channel.IsUnlockedAsync(target));
    }

    [Fact]
    public async Task A_lock_of_the_payers_earlier_tree_is_refused()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(3, firstAmount: 10);
        var earlier = channel.SignByPayer(Transferred, locks, nonce: 1);
        // The first lock was settled off-chain: the latest proof no longer holds it.
        var latest = channel.SignByPayer(Transferred + 10, locks[1..], nonce: 2);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(latest);

        var error = await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(earlier, locks[0], Transferred + 10));

        Assert.Equal(channel.Payer.Address, error.Arguments.GetAddress("participant"));
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
    }

    [Fact]
    public async Task An_unlock_whose_amount_overflows_the_transferred_amount_is_refused()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var expiration = await fixture.BlockNumberAsync() + 1000;
        var huge = UnlockableLock.Create(expiration, UInt256.MaxValue);
        var small = UnlockableLock.Create(expiration, 10);
        var proof = channel.SignByPayer(2, [huge, small], nonce: 1);
        await channel.RegisterSecretsAsync(huge, small);
        await channel.CloseByPayeeAsync(proof);

        var error = await channel.RefusesAsync("AmountTooLarge", () => channel.UnlockAsync(proof, huge, 2));

        Assert.Equal(UInt256.MaxValue, error.Arguments.GetUInt256("amount"));
        Assert.False(await channel.IsUnlockedAsync(huge));
        channel.AssertUnlocked(await channel.UnlockAsync(proof, small, 2), small, 12);
    }

    private async Task<(UnlockChannel Channel, UnlockableLock[] Locks, UnlockBalanceProof Proof)> ClosedWithFiveLocksAsync()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(5, firstAmount: 10);
        var proof = channel.SignByPayer(Transferred, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(proof);
        return (channel, locks, proof);
    }
}
