using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>Unlocks with Merkle proofs of locks trees of every size from 1 to 33, with the payer's proof stored by either side.</summary>
public sealed class UnlockTreeTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    private const ulong Transferred = 50;

    // Every unlock takes a block, and all of them must fit before the settle block.
    private const ulong SettleTimeout = 100;

    /// <summary>Every size 1..33; the payer closes for odd sizes (its proof arrives by the payee's update) and the payee closes for even ones.</summary>
    public static TheoryData<int, bool> Sizes()
    {
        var data = new TheoryData<int, bool>();
        for (var count = 1; count <= 33; count++)
            data.Add(count, count % 2 == 1);
        return data;
    }

    /// <summary>Sizes with an odd node carried up at one or more levels, powers of two, and the largest tree.</summary>
    public static TheoryData<int, bool> EveryLockSizes() => new()
    {
        { 1, false },
        { 2, true },
        { 3, false },
        { 6, true },
        { 7, false },
        { 16, true },
        { 33, false },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Unlocks_the_first_middle_last_and_a_carried_lock_of_a_tree(int lockCount, bool payerCloses)
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main, settleTimeout: SettleTimeout);
        var locks = await channel.NewLocksAsync(lockCount, firstAmount: 10);
        var proof = channel.SignByPayer(Transferred, locks, nonce: 3);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseAsync(proof, payerCloses);

        var positions = PositionsToUnlock(proof, lockCount);
        UInt256 unlocked = 0;
        foreach (var position in positions)
        {
            var unlockable = locks[position];
            var receipt = await channel.UnlockAsync(proof, unlockable, proof.TransferredAmount + unlocked);
            unlocked += unlockable.Amount;

            channel.AssertUnlocked(receipt, unlockable, proof.TransferredAmount + unlocked);
            var payer = await channel.PayerInfoAsync();
            Assert.Equal(proof.BalanceHashAfter(unlocked), payer.BalanceHash);
            Assert.Equal(proof.Nonce, payer.Nonce);
            Assert.True(await channel.IsUnlockedAsync(unlockable));
        }

        for (var position = 0; position < lockCount; position++)
        {
            if (!positions.Contains(position))
                Assert.False(await channel.IsUnlockedAsync(locks[position]));
        }
    }

    [Theory]
    [MemberData(nameof(EveryLockSizes))]
    public async Task Unlocking_every_lock_of_a_tree_pays_the_payee_all_of_them_at_settlement(int lockCount, bool payerCloses)
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main, settleTimeout: SettleTimeout);
        // Amounts 1..33 fit in the payer's deposit together, so settlement does not clamp.
        var locks = await channel.NewLocksAsync(lockCount, firstAmount: 1);
        var proof = channel.SignByPayer(Transferred, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseAsync(proof, payerCloses);

        // Last to first: the order of unlocks does not matter.
        UInt256 unlocked = 0;
        foreach (var unlockable in locks.Reverse())
        {
            var receipt = await channel.UnlockAsync(proof, unlockable, proof.TransferredAmount + unlocked);
            unlocked += unlockable.Amount;
            channel.AssertUnlocked(receipt, unlockable, proof.TransferredAmount + unlocked);
        }

        Assert.Equal(proof.BalanceHashAfter(unlocked), (await channel.PayerInfoAsync()).BalanceHash);
        var payeeGets = channel.PayeeDeposit + proof.TransferredAmount + unlocked;
        await channel.SettleAndAssertPayoutsAsync(
            proof.TransferredAmount + unlocked, proof.Locksroot, UInt256.Zero, Hash256.Zero, payeeGets, channel.Total - payeeGets);
    }

    /// <summary>First, middle and last, and the first lock whose path skips a level because it was carried up as an odd node.</summary>
    private static List<int> PositionsToUnlock(UnlockBalanceProof proof, int lockCount)
    {
        var depth = proof.Tree.ProofFor(0).Length;
        var positions = new SortedSet<int> { 0, lockCount / 2, lockCount - 1 };
        var carried = Enumerable.Range(0, lockCount).FirstOrDefault(i => proof.Tree.ProofFor(i).Length < depth, -1);
        if (carried >= 0)
            positions.Add(carried);
        return [.. positions];
    }
}
