using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>What an unlock records, how unlocks add up, and what settlement pays for them.</summary>
public sealed class UnlockTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task Unlocks_accumulate_and_settlement_pays_exactly_the_unlocked_amounts(bool payerCloses, bool payeeIsParticipant1)
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main, payeeIsParticipant1);
        var locks = await channel.NewLocksAsync(4, firstAmount: 10); // 10, 11, 12, 13
        var payerProof = channel.SignByPayer(100, locks, nonce: 7);
        var payeeProof = channel.SignByPayee(25, nonce: 2);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseAsync(payerProof, payerCloses, payeeProof);
        var payeeBefore = await channel.PayeeInfoAsync();

        var first = await channel.UnlockAsync(payerProof, locks[0], 100);
        channel.AssertUnlocked(first, locks[0], 110);
        Assert.Equal(payerProof.BalanceHashAfter(10), (await channel.PayerInfoAsync()).BalanceHash);
        var second = await channel.UnlockAsync(payerProof, locks[2], 110);
        channel.AssertUnlocked(second, locks[2], 122);

        var payer = await channel.PayerInfoAsync();
        Assert.Equal(payerProof.BalanceHashAfter(22), payer.BalanceHash);
        Assert.Equal(new UInt256(7), payer.Nonce);
        Assert.Equal(payeeBefore, await channel.PayeeInfoAsync());
        Assert.True(await channel.IsUnlockedAsync(locks[0]));
        Assert.False(await channel.IsUnlockedAsync(locks[1]));
        Assert.True(await channel.IsUnlockedAsync(locks[2]));
        Assert.False(await channel.IsUnlockedAsync(locks[3]));

        // The locks not unlocked (11 and 13) stay with the payer.
        await channel.SettleAndAssertPayoutsAsync(
            payerTransferred: 122,
            payerProof.Locksroot,
            payeeTransferred: 25,
            payeeProof.Locksroot,
            expectedPayee: 300 - 25 + 122,
            expectedPayer: 700 + 25 - 122);
        // Records outlive the channel's storage: channel ids are never reused.
        Assert.True(await channel.IsUnlockedAsync(locks[0]));
        Assert.True(await channel.IsUnlockedAsync(locks[2]));
        Assert.False(await channel.IsUnlockedAsync(locks[1]));
    }

    [Fact]
    public async Task Without_unlocks_settlement_pays_only_the_transferred_amount()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(3, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(proof);

        await channel.SettleAndAssertPayoutsAsync(40, proof.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 340, expectedPayer: 660);
    }

    [Fact]
    public async Task An_unlock_is_accepted_at_the_settle_block()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(proof);
        var settleBlock = await channel.SettleBlockAsync();
        await fixture.MineToAsync(settleBlock - 1);

        var receipt = await channel.UnlockAsync(proof, locks[1], 40);

        Assert.Equal(settleBlock, receipt.BlockNumber);
        channel.AssertUnlocked(receipt, locks[1], 51);
    }

    [Fact]
    public async Task An_unlock_after_the_settle_block_is_refused()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayerAsync(proof);
        var settleBlock = await channel.SettleBlockAsync();
        await fixture.MineToAsync(settleBlock);

        var error = await channel.RefusesAsync("UpdateWindowOver", () => channel.UnlockAsync(proof, locks[1], 40));

        Assert.Equal(new UInt256(settleBlock), error.Arguments.GetUInt256("settleBlockNumber"));
        Assert.False(await channel.IsUnlockedAsync(locks[1]));
    }

    [Fact]
    public async Task An_unlock_on_an_opened_channel_is_refused()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);

        var error = await channel.RefusesAsync("ChannelNotClosed", () => channel.UnlockAsync(proof, locks[0], 40));

        Assert.Equal(channel.ChannelId, error.Arguments.GetUInt256("channelId"));
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
    }

    [Fact]
    public async Task The_same_lock_is_not_unlocked_twice_against_one_proof()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(3, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(proof);
        await channel.UnlockAsync(proof, locks[1], 40);

        // With the transferred amount as now stored, the proof matches: only the record refuses it.
        var error = await channel.RefusesAsync("LockAlreadyUnlocked", () => channel.UnlockAsync(proof, locks[1], 51));

        Assert.Equal(locks[1].LockHash, error.Arguments.GetHash256("lockHash"));
        Assert.Equal(proof.BalanceHashAfter(11), (await channel.PayerInfoAsync()).BalanceHash);
        // With the original transferred amount the stored hash no longer matches.
        await channel.RefusesAsync("BalanceHashMismatch", () => channel.UnlockAsync(proof, locks[1], 40));
    }
}
