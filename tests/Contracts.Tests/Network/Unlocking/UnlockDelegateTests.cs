using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>unlockDelegate: anyone holding the payee's UnlockDelegation that names it as the delegate unlocks for the payee.</summary>
public sealed class UnlockDelegateTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_delegate_unlocks_for_the_payee_and_the_amount_goes_to_the_payee(bool payerCloses)
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses);
        var delegateParty = await fixture.NewPartyAsync();
        var delegateTokens = await delegateParty.TokenBalanceAsync();
        var delegation = channel.Payee.Sign(new UnlockDelegation(channel.ChannelId, delegateParty.Address, locks[1].LockHash));

        var receipt = await DelegateUnlockAsync(channel, delegateParty, locks[1], proof, 40, delegation);

        channel.AssertUnlocked(receipt, locks[1], 51);
        Assert.Equal(proof.BalanceHashAfter(11), (await channel.PayerInfoAsync()).BalanceHash);
        Assert.True(await channel.IsUnlockedAsync(locks[1]));
        Assert.False(await channel.Reader.IsLockUnlockedAsync(channel.ChannelId, delegateParty.Address, locks[1].LockHash));
        // The payee's own unlock of the same lock against the same proof is now refused.
        await channel.RefusesAsync("LockAlreadyUnlocked", () => channel.UnlockAsync(proof, locks[1], 51));
        await channel.SettleAndAssertPayoutsAsync(51, proof.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 351, expectedPayer: 649);
        Assert.Equal(delegateTokens, await delegateParty.TokenBalanceAsync());
    }

    [Fact]
    public async Task A_delegation_naming_another_delegate_is_refused()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: false);
        var presenter = await fixture.NewPartyAsync();
        var named = await fixture.NewPartyAsync();
        var delegation = channel.Payee.Sign(new UnlockDelegation(channel.ChannelId, named.Address, locks[0].LockHash));

        var error = await channel.RefusesAsync("WrongSigner", () => DelegateUnlockAsync(channel, presenter, locks[0], proof, 40, delegation));

        AssertWrongSigner(channel, error, RecoveredBy(channel, presenter, locks[0], delegation));
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
    }

    [Fact]
    public async Task A_delegation_signed_by_anyone_but_the_payee_is_refused()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: true);
        var presenter = await fixture.NewPartyAsync();
        var delegation = new UnlockDelegation(channel.ChannelId, presenter.Address, locks[0].LockHash);

        foreach (var signer in new[] { channel.Payer, presenter })
        {
            var error = await channel.RefusesAsync(
                "WrongSigner", () => DelegateUnlockAsync(channel, presenter, locks[0], proof, 40, signer.Sign(delegation)));
            AssertWrongSigner(channel, error, signer.Address);
        }
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
    }

    [Fact]
    public async Task A_delegation_for_another_lock_is_refused()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: false);
        var presenter = await fixture.NewPartyAsync();
        var forOther = channel.Payee.Sign(new UnlockDelegation(channel.ChannelId, presenter.Address, locks[0].LockHash));

        var error = await channel.RefusesAsync("WrongSigner", () => DelegateUnlockAsync(channel, presenter, locks[1], proof, 40, forOther));

        AssertWrongSigner(channel, error, RecoveredBy(channel, presenter, locks[1], forOther));
        Assert.False(await channel.IsUnlockedAsync(locks[1]));
        Assert.False(await channel.IsUnlockedAsync(locks[0]));
    }

    [Fact]
    public async Task A_delegation_of_another_channel_is_refused()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: false);
        var presenter = await fixture.NewPartyAsync();
        var delegation = channel.Payee.Sign(new UnlockDelegation(channel.ChannelId + 1, presenter.Address, locks[0].LockHash));

        var error = await channel.RefusesAsync("WrongSigner", () => DelegateUnlockAsync(channel, presenter, locks[0], proof, 40, delegation));

        AssertWrongSigner(channel, error, RecoveredBy(channel, presenter, locks[0], delegation));
    }

    [Fact]
    public async Task A_delegate_cannot_name_itself_as_the_payee()
    {
        var (channel, locks, proof) = await ClosedAsync(payerCloses: false);
        var presenter = await fixture.NewPartyAsync();
        var own = presenter.Sign(new UnlockDelegation(channel.ChannelId, presenter.Address, locks[0].LockHash));

        var error = await channel.RefusesAsync(
            "NotParticipant",
            () => presenter.Network.UnlockDelegateAsync(
                channel.ChannelId, channel.Payer.Address, presenter.Address, 40,
                locks[0].Lock.Expiration, locks[0].Amount, locks[0].Lock.SecretHash, proof.MerkleProofOf(locks[0].LockHash), own));

        Assert.Equal(presenter.Address, error.Arguments.GetAddress("account"));
    }

    [Fact]
    public async Task A_delegated_unlock_still_needs_the_secret_registered_in_time()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var proof = channel.SignByPayer(40, locks, nonce: 1);
        await channel.RegisterSecretsAsync(locks[0]);
        await channel.CloseByPayeeAsync(proof);
        var presenter = await fixture.NewPartyAsync();
        var delegation = channel.Payee.Sign(new UnlockDelegation(channel.ChannelId, presenter.Address, locks[1].LockHash));

        var error = await channel.RefusesAsync("SecretNotRegistered", () => DelegateUnlockAsync(channel, presenter, locks[1], proof, 40, delegation));

        Assert.Equal(locks[1].Lock.SecretHash, error.Arguments.GetHash256("secretHash"));
    }

    private static Task<TransactionReceipt> DelegateUnlockAsync(
        UnlockChannel channel, Party caller, UnlockableLock unlockable, UnlockBalanceProof proof, UInt256 transferred, Signature payeeSignature) =>
        caller.Network.UnlockDelegateAsync(
            channel.ChannelId,
            channel.Payer.Address,
            channel.Payee.Address,
            transferred,
            unlockable.Lock.Expiration,
            unlockable.Amount,
            unlockable.Lock.SecretHash,
            proof.MerkleProofOf(unlockable.LockHash),
            payeeSignature);

    /// <summary>Who the contract recovers from <paramref name="signature"/> for the delegation it checks: this caller, this lock.</summary>
    private static Address RecoveredBy(UnlockChannel channel, Party caller, UnlockableLock unlockable, Signature signature) =>
        new UnlockDelegation(channel.ChannelId, caller.Address, unlockable.LockHash).RecoverSigner(channel.Setup.Domain, signature);

    private static void AssertWrongSigner(UnlockChannel channel, ContractErrorException error, Address recovered)
    {
        Assert.Equal(channel.Payee.Address, error.Arguments.GetAddress("expected"));
        Assert.Equal(recovered, error.Arguments.GetAddress("recovered"));
        Assert.NotEqual(channel.Payee.Address, recovered);
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
