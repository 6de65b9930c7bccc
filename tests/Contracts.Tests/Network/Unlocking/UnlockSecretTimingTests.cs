using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>A lock counts on chain only when its secret was registered at a block no later than its expiration.</summary>
public sealed class UnlockSecretTimingTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Fact]
    public async Task A_lock_whose_secret_was_never_registered_is_refused()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks[0]);
        await channel.CloseByPayeeAsync(proof);

        var error = await channel.RefusesAsync("SecretNotRegistered", () => channel.UnlockAsync(proof, locks[1], 40));

        Assert.Equal(locks[1].Lock.SecretHash, error.Arguments.GetHash256("secretHash"));
        Assert.False(await channel.IsUnlockedAsync(locks[1]));
    }

    [Fact]
    public async Task A_secret_registered_at_the_expiration_block_unlocks_the_lock()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var expiration = await fixture.BlockNumberAsync() + 4;
        var onTime = UnlockableLock.Create(expiration, 15);
        var other = UnlockableLock.Create(expiration + 100, 20);
        var proof = channel.SignByPayer(40, [other, onTime], nonce: 1);
        await fixture.MineToAsync(expiration - 1);

        var registration = await channel.RegisterSecretsAsync(onTime);

        Assert.Equal(expiration, registration.BlockNumber);
        Assert.Equal(new UInt256(expiration), await fixture.Secrets.GetSecretRevealBlockHeightAsync(onTime.Lock.SecretHash));
        await channel.CloseByPayerAsync(proof);
        var receipt = await channel.UnlockAsync(proof, onTime, 40);
        channel.AssertUnlocked(receipt, onTime, 55);
        await channel.SettleAndAssertPayoutsAsync(55, proof.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 355, expectedPayer: 645);
    }

    [Fact]
    public async Task A_secret_registered_one_block_after_the_expiration_is_too_late()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var expiration = await fixture.BlockNumberAsync() + 4;
        var late = UnlockableLock.Create(expiration, 15);
        var other = UnlockableLock.Create(expiration + 100, 20);
        var proof = channel.SignByPayer(40, [other, late], nonce: 1);
        await fixture.MineToAsync(expiration);
        var registration = await channel.RegisterSecretsAsync(late);
        Assert.Equal(expiration + 1, registration.BlockNumber);
        await channel.CloseByPayeeAsync(proof);

        var error = await channel.RefusesAsync("SecretRevealedTooLate", () => channel.UnlockAsync(proof, late, 40));

        Assert.Equal(new UInt256(expiration + 1), error.Arguments.GetUInt256("revealBlock"));
        Assert.Equal(new UInt256(expiration), error.Arguments.GetUInt256("expiration"));
        Assert.False(await channel.IsUnlockedAsync(late));
        await channel.SettleAndAssertPayoutsAsync(40, proof.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 340, expectedPayer: 660);
    }

    [Fact]
    public async Task Claiming_a_later_expiration_than_the_lock_has_does_not_rescue_a_late_secret()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var expiration = await fixture.BlockNumberAsync() + 4;
        var late = UnlockableLock.Create(expiration, 15);
        var proof = channel.SignByPayer(40, [late], nonce: 1);
        await fixture.MineToAsync(expiration);
        await channel.RegisterSecretsAsync(late);
        await channel.CloseByPayeeAsync(proof);

        // The expiration is part of the lock hash, so a later one no longer matches the locksroot.
        var error = await channel.RefusesAsync(
            "BalanceHashMismatch",
            () => channel.UnlockAsync(late.Lock with { Expiration = expiration + 1 }, 40, proof.MerkleProofOf(late.LockHash)));

        Assert.Equal(channel.Payer.Address, error.Arguments.GetAddress("participant"));
    }
}
