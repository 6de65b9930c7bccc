using Photon.Contracts.Bindings;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>
/// Unlock records are kept per payer nonce (docs/contracts.md, "Unlock records"): a newer proof of
/// the payer discards the credit of earlier unlocks with the old balance hash, so a lock it still
/// holds may be unlocked once more against it, and is paid exactly once. Only the closer's proof
/// can be replaced (by the other side's update), so this happens when the payer closed.
/// </summary>
public sealed class UnlockRecordTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Fact]
    public async Task A_lock_is_unlocked_once_more_against_a_newer_proof_and_paid_once()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(3, firstAmount: 10);
        var (l, m, n) = (locks[0], locks[1], locks[2]);
        var older = channel.SignByPayer(100, [l, m], nonce: 1);
        // Since then m was paid off-chain and n was added; l is still pending.
        var newer = channel.SignByPayer(111, [l, n], nonce: 2);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayerAsync(older);

        channel.AssertUnlocked(await channel.UnlockAsync(older, l, 100), l, 110);
        Assert.True(await channel.IsUnlockedAsync(l));
        await channel.UpdatePayerProofAsync(newer);

        var payer = await channel.PayerInfoAsync();
        Assert.Equal(newer.BalanceHash, payer.BalanceHash);
        Assert.Equal(new UInt256(2), payer.Nonce);
        Assert.True(await channel.IsUnlockedAsync(l));
        // The older proof and its unlock are gone.
        await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(older, l, 110));

        channel.AssertUnlocked(await channel.UnlockAsync(newer, l, 111), l, 121);
        var again = await channel.RefusesAsync("LockAlreadyUnlocked", () => channel.UnlockAsync(newer, l, 121));
        Assert.Equal(l.LockHash, again.Arguments.GetHash256("lockHash"));
        channel.AssertUnlocked(await channel.UnlockAsync(newer, n, 121), n, 133);
        Assert.Equal(newer.BalanceHashAfter(22), (await channel.PayerInfoAsync()).BalanceHash);

        // 111 transferred (m included) + l + n, each once.
        await channel.SettleAndAssertPayoutsAsync(133, newer.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 433, expectedPayer: 567);
    }

    [Fact]
    public async Task A_newer_proof_that_paid_the_lock_off_chain_does_not_pay_it_twice()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var (l, m) = (locks[0], locks[1]);
        var older = channel.SignByPayer(100, [l, m], nonce: 4);
        var newer = channel.SignByPayer(110, [m], nonce: 5);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayerAsync(older);
        await channel.UnlockAsync(older, l, 100);

        await channel.UpdatePayerProofAsync(newer);

        // l is no longer in the payer's tree: no path leads from it to the new locksroot.
        await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(l.Lock, 110, []));
        await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(l.Lock, 110, m.LockHash.ToArray()));
        Assert.True(await channel.IsUnlockedAsync(l));
        await channel.SettleAndAssertPayoutsAsync(110, newer.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 410, expectedPayer: 590);
    }

    [Fact]
    public async Task When_the_payee_closed_the_payers_proof_is_final_and_each_lock_unlocks_once()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var older = channel.SignByPayer(100, locks, nonce: 1);
        var newer = channel.SignByPayer(105, locks, nonce: 2);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(older);
        await channel.UnlockAsync(older, locks[0], 100);

        // Only the closer's proof can be updated, by its partner; here the payee is the closer.
        var error = await channel.RefusesAsync("CallerIsNotNonClosing", () => channel.UpdatePayerProofAsync(newer));
        Assert.Equal(channel.Payee.Address, error.Arguments.GetAddress("caller"));

        await channel.RefusesAsync("LockAlreadyUnlocked", () => channel.UnlockAsync(older, locks[0], 110));
        Assert.Equal(ChannelState.Closed, (await channel.Reader.GetChannelInfoAsync(channel.ChannelId)).State);
        await channel.SettleAndAssertPayoutsAsync(110, older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 410, expectedPayer: 590);
    }
}
