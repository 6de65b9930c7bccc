using Photon.Contracts.Tests.Network.Support;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>
/// unlock credits the caller as the payee: only the payee itself can unlock its locks (a lock it
/// disposed of and someone else unlocked would get it punished).
/// </summary>
public sealed class UnlockCallerTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Fact]
    public async Task The_payer_cannot_unlock_naming_itself_as_payer()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: false);

        var error = await channel.RefusesAsync("NotParticipant", () => channel.UnlockAsync(proof, locks[0], 40, caller: channel.Payer));

        // payer and payee are both the payer: the pair is not the channel's.
        Assert.Equal(channel.ChannelId, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(channel.Payer.Address, error.Arguments.GetAddress("account"));
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_payer_cannot_unlock_naming_the_payee_as_payer(bool payerCloses)
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses);

        // The contract then checks the payee's stored balance hash, which holds no such lock.
        var error = await channel.RefusesAsync(
            "BalanceHashMismatch",
            () => channel.UnlockAsync(locks[0].Lock, 40, proof.MerkleProofOf(locks[0].LockHash), caller: channel.Payer, payer: channel.Payee.Address));

        Assert.Equal(channel.Payee.Address, error.Arguments.GetAddress("participant"));
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
        Assert.False(await channel.Reader.IsLockUnlockedAsync(channel.ChannelId, channel.Payer.Address, locks[0].LockHash));
    }

    [Fact]
    public async Task A_third_party_cannot_unlock_for_the_payee()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: true);
        var stranger = await fixture.NewPartyAsync();
        var strangerTokens = await stranger.TokenBalanceAsync();

        var error = await channel.RefusesAsync("NotParticipant", () => channel.UnlockAsync(proof, locks[1], 40, caller: stranger));

        Assert.Equal(channel.ChannelId, error.Arguments.GetUInt256("channelId"));
        Assert.Equal(stranger.Address, error.Arguments.GetAddress("account"));
        Assert.False(await channel.IsUnlockedAsync(locks[1]));
        Assert.Equal(strangerTokens, await stranger.TokenBalanceAsync());
    }

    [Fact]
    public async Task An_unlock_naming_a_stranger_as_payer_is_refused()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: false);
        var stranger = await fixture.NewPartyAsync();

        var error = await channel.RefusesAsync(
            "NotParticipant",
            () => channel.UnlockAsync(locks[0].Lock, 40, proof.MerkleProofOf(locks[0].LockHash), payer: stranger.Address));

        Assert.Equal(stranger.Address, error.Arguments.GetAddress("account"));
    }

    private async Task<(UnlockChannel Channel, UnlockableLock[] Locks, UnlockBalanceProof Proof)> ClosedAsync(bool payerCloses)
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseAsync(proof, payerCloses);
        return (channel, locks, proof);
    }
}
