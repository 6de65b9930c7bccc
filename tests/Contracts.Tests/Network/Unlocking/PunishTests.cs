using System.Security.Cryptography;
using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Contracts.Tests.Network.Support;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Unlocking;

/// <summary>
/// The payee signed Disposed for a lock (it gave it up off-chain) and then unlocked it on chain
/// anyway, from an older proof of the payer. Anyone may present the Disposed signature within the
/// punish window; the payer (beneficiary) then receives the whole channel at settlement.
/// </summary>
public sealed class PunishTests(NetworkFixture fixture) : IClassFixture<NetworkFixture>
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task A_payee_that_unlocks_a_disposed_lock_loses_its_whole_share(bool cheaterIsParticipant1, bool strangerPunishes)
    {
        var cheat = await CheatAsync(cheaterIsParticipant1);
        var channel = cheat.Channel;
        var punisher = strangerPunishes ? await fixture.NewPartyAsync() : channel.Payer;
        var punisherTokens = await punisher.TokenBalanceAsync();

        var receipt = await PunishAsync(cheat, punisher, cheat.DisposedSignature);

        var punished = TokenNetworkContract.EventsOf(receipt, channel.Setup.Network).OfType<ChannelPunished>().Single();
        Assert.Equal(channel.ChannelId, punished.ChannelId);
        Assert.Equal(channel.Payer.Address, punished.Beneficiary);
        Assert.Equal(channel.Payee.Address, punished.Cheater);
        Assert.Equal(ChannelState.Closed, (await channel.Reader.GetChannelInfoAsync(channel.ChannelId)).State);
        await channel.SettleAndAssertPayoutsAsync(
            110, cheat.Older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: UInt256.Zero, expectedPayer: channel.Total);
        if (strangerPunishes)
            Assert.Equal(punisherTokens, await punisher.TokenBalanceAsync());
    }

    [Fact]
    public async Task A_punishment_is_accepted_in_the_last_block_of_the_punish_window()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: true);
        var lastBlock = await cheat.Channel.LastPunishBlockAsync();
        await fixture.MineToAsync(lastBlock - 1);

        var receipt = await PunishAsync(cheat, cheat.Channel.Payer, cheat.DisposedSignature);

        Assert.Equal(lastBlock, receipt.BlockNumber);
        Assert.Single(TokenNetworkContract.EventsOf(receipt, cheat.Channel.Setup.Network).OfType<ChannelPunished>());
        await cheat.Channel.SettleAndAssertPayoutsAsync(
            110, cheat.Older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: UInt256.Zero, expectedPayer: cheat.Channel.Total);
    }

    [Fact]
    public async Task A_punishment_after_the_punish_window_is_refused()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: false);
        var lastBlock = await cheat.Channel.LastPunishBlockAsync();
        await fixture.MineToAsync(lastBlock);

        var error = await cheat.Channel.RefusesAsync("PunishWindowOver", () => PunishAsync(cheat, cheat.Channel.Payer, cheat.DisposedSignature));

        Assert.Equal(new UInt256(lastBlock), error.Arguments.GetUInt256("lastBlock"));
        await SettleUnpunishedAsync(cheat);
    }

    [Fact]
    public async Task A_disposed_lock_that_was_not_unlocked_is_no_ground_for_punishment()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var older = channel.SignByPayer(100, locks, nonce: 1);
        var additionalHash = RandomHash();
        var disposed = channel.Payee.Sign(new DisposedProof(channel.ChannelId, locks[0].LockHash, additionalHash));
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(older);
        await channel.UnlockAsync(older, locks[1], 100);

        var error = await channel.RefusesAsync(
            "LockNotUnlocked",
            () => channel.Payer.Network.PunishObsoleteUnlockAsync(
                channel.ChannelId, channel.Payer.Address, channel.Payee.Address, locks[0].LockHash, additionalHash, disposed));

        Assert.Equal(locks[0].LockHash, error.Arguments.GetHash256("lockHash"));
        await channel.SettleAndAssertPayoutsAsync(111, older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 411, expectedPayer: 589);
    }

    [Fact]
    public async Task A_disposed_signature_by_anyone_but_the_cheater_is_refused()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: true);
        var channel = cheat.Channel;
        var stranger = await fixture.NewPartyAsync();
        var disposed = new DisposedProof(channel.ChannelId, cheat.Disposed.LockHash, cheat.AdditionalHash);

        foreach (var signer in new[] { stranger, channel.Payer })
        {
            var error = await channel.RefusesAsync("WrongSigner", () => PunishAsync(cheat, channel.Payer, signer.Sign(disposed)));
            Assert.Equal(channel.Payee.Address, error.Arguments.GetAddress("expected"));
            Assert.Equal(signer.Address, error.Arguments.GetAddress("recovered"));
        }
        await SettleUnpunishedAsync(cheat);
    }

    [Fact]
    public async Task A_disposed_signature_over_other_values_is_refused()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: false);
        var channel = cheat.Channel;
        var payee = channel.Payee;

        foreach (var other in new[]
        {
            new DisposedProof(channel.ChannelId, cheat.Kept.LockHash, cheat.AdditionalHash), // another lock
            new DisposedProof(channel.ChannelId, cheat.Disposed.LockHash, RandomHash()), // another additional hash
            new DisposedProof(channel.ChannelId + 1, cheat.Disposed.LockHash, cheat.AdditionalHash), // another channel
        })
        {
            var signature = payee.Sign(other);
            var error = await channel.RefusesAsync("WrongSigner", () => PunishAsync(cheat, channel.Payer, signature));
            var checkedProof = new DisposedProof(channel.ChannelId, cheat.Disposed.LockHash, cheat.AdditionalHash);
            Assert.Equal(payee.Address, error.Arguments.GetAddress("expected"));
            Assert.Equal(checkedProof.RecoverSigner(channel.Setup.Domain, signature), error.Arguments.GetAddress("recovered"));
        }
        await SettleUnpunishedAsync(cheat);
    }

    [Fact]
    public async Task A_channel_is_punished_only_once()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: true);
        var channel = cheat.Channel;
        await PunishAsync(cheat, channel.Payer, cheat.DisposedSignature);

        var again = await channel.RefusesAsync("AlreadyPunished", () => PunishAsync(cheat, channel.Payer, cheat.DisposedSignature));
        Assert.Equal(channel.Payee.Address, again.Arguments.GetAddress("cheater"));

        // Nor can the punished side turn it around, whatever it presents.
        var reversed = channel.Payer.Sign(new DisposedProof(channel.ChannelId, cheat.Disposed.LockHash, cheat.AdditionalHash));
        var turned = await channel.RefusesAsync(
            "AlreadyPunished",
            () => channel.Payee.Network.PunishObsoleteUnlockAsync(
                channel.ChannelId, channel.Payee.Address, channel.Payer.Address, cheat.Disposed.LockHash, cheat.AdditionalHash, reversed));
        Assert.Equal(channel.Payer.Address, turned.Arguments.GetAddress("cheater"));

        await channel.SettleAndAssertPayoutsAsync(
            110, cheat.Older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: UInt256.Zero, expectedPayer: channel.Total);
    }

    [Fact]
    public async Task An_opened_channel_cannot_be_punished()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(1, firstAmount: 10);
        var additionalHash = RandomHash();
        var disposed = channel.Payee.Sign(new DisposedProof(channel.ChannelId, locks[0].LockHash, additionalHash));

        var error = await channel.RefusesAsync(
            "ChannelNotClosed",
            () => channel.Payer.Network.PunishObsoleteUnlockAsync(
                channel.ChannelId, channel.Payer.Address, channel.Payee.Address, locks[0].LockHash, additionalHash, disposed));

        Assert.Equal(channel.ChannelId, error.Arguments.GetUInt256("channelId"));
    }

    [Fact]
    public async Task A_settled_channel_cannot_be_punished()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: false);
        await SettleUnpunishedAsync(cheat);

        // Settling is possible only after the punish window; the unlock record outlives the channel.
        Assert.True(await cheat.Channel.IsUnlockedAsync(cheat.Disposed));
        var error = await cheat.Channel.RefusesAsync("ChannelNotClosed", () => PunishAsync(cheat, cheat.Channel.Payer, cheat.DisposedSignature));

        Assert.Equal(cheat.Channel.ChannelId, error.Arguments.GetUInt256("channelId"));
    }

    [Fact]
    public async Task A_beneficiary_outside_the_channel_is_refused()
    {
        var cheat = await CheatAsync(cheaterIsParticipant1: true);
        var channel = cheat.Channel;
        var stranger = await fixture.NewPartyAsync();

        var error = await channel.RefusesAsync(
            "NotParticipant",
            () => stranger.Network.PunishObsoleteUnlockAsync(
                channel.ChannelId, stranger.Address, channel.Payee.Address, cheat.Disposed.LockHash, cheat.AdditionalHash, cheat.DisposedSignature));

        Assert.Equal(stranger.Address, error.Arguments.GetAddress("account"));
        await SettleUnpunishedAsync(cheat);
    }

    [Fact]
    public async Task A_disposed_lock_unlocked_by_the_payees_delegate_is_punished()
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var older = channel.SignByPayer(100, locks, nonce: 1);
        var additionalHash = RandomHash();
        var disposed = channel.Payee.Sign(new DisposedProof(channel.ChannelId, locks[0].LockHash, additionalHash));
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayerAsync(older);
        var delegateParty = await fixture.NewPartyAsync();
        var delegation = channel.Payee.Sign(new UnlockDelegation(channel.ChannelId, delegateParty.Address, locks[0].LockHash));
        await delegateParty.Network.UnlockDelegateAsync(
            channel.ChannelId, channel.Payer.Address, channel.Payee.Address, 100,
            locks[0].Lock.Expiration, locks[0].Amount, locks[0].Lock.SecretHash, older.MerkleProofOf(locks[0].LockHash), delegation);

        await channel.Payer.Network.PunishObsoleteUnlockAsync(
            channel.ChannelId, channel.Payer.Address, channel.Payee.Address, locks[0].LockHash, additionalHash, disposed);

        await channel.SettleAndAssertPayoutsAsync(
            110, older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: UInt256.Zero, expectedPayer: channel.Total);
    }

    /// <summary>
    /// The payer's older proof holds locks Disposed (10) and Kept (11) with 100 transferred; the payee
    /// signed Disposed for the first, after which the payer's newer proof left it out. The payee
    /// closes with the older proof anyway and unlocks the disposed lock: 110 transferred.
    /// </summary>
    private async Task<Cheat> CheatAsync(bool cheaterIsParticipant1)
    {
        var channel = await UnlockChannel.OpenAsync(fixture.Main, payeeIsParticipant1: cheaterIsParticipant1);
        var locks = await channel.NewLocksAsync(2, firstAmount: 10);
        var older = channel.SignByPayer(100, locks, nonce: 1);
        var additionalHash = RandomHash();
        var disposedSignature = channel.Payee.Sign(new DisposedProof(channel.ChannelId, locks[0].LockHash, additionalHash));
        await channel.RegisterSecretsAsync(locks);
        await channel.CloseByPayeeAsync(older);
        await channel.UnlockAsync(older, locks[0], 100);
        return new Cheat(channel, locks[0], locks[1], older, additionalHash, disposedSignature);
    }

    private static Task<TransactionReceipt> PunishAsync(Cheat cheat, Party caller, Signature signature) =>
        caller.Network.PunishObsoleteUnlockAsync(
            cheat.Channel.ChannelId, cheat.Channel.Payer.Address, cheat.Channel.Payee.Address, cheat.Disposed.LockHash, cheat.AdditionalHash, signature);

    /// <summary>Settles a cheat that went unpunished: the payee keeps the disposed lock's 10.</summary>
    private static Task SettleUnpunishedAsync(Cheat cheat) =>
        cheat.Channel.SettleAndAssertPayoutsAsync(110, cheat.Older.Locksroot, UInt256.Zero, Hash256.Zero, expectedPayee: 410, expectedPayer: 590);

    private static Hash256 RandomHash() => new(RandomNumberGenerator.GetBytes(Hash256.Length));

    private sealed record Cheat(
        UnlockChannel Channel,
        UnlockableLock Disposed,
        UnlockableLock Kept,
        UnlockBalanceProof Older,
        Hash256 AdditionalHash,
        Signature DisposedSignature);
}
