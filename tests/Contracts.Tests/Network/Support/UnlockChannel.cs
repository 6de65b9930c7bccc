using Photon.Contracts.Bindings;
using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// A channel in which <see cref="Payer"/> owes <see cref="Payee"/> pending locks. The payer's
/// balance proof (a transferred amount and the locksroot of its pending locks) reaches the chain
/// either with the payee's close or with the payee's update after the payer closed; the payee then
/// unlocks the locks whose secrets were registered in time.
/// </summary>
public sealed class UnlockChannel
{
    public const ulong DefaultPayeeDeposit = 300;
    public const ulong DefaultPayerDeposit = 700;

    private UnlockChannel(TokenNetworkSetup setup, Party payee, Party payer, bool payeeIsParticipant1, UInt256 channelId, ulong payeeDeposit, ulong payerDeposit)
    {
        Setup = setup;
        Payee = payee;
        Payer = payer;
        PayeeIsParticipant1 = payeeIsParticipant1;
        ChannelId = channelId;
        PayeeDeposit = payeeDeposit;
        PayerDeposit = payerDeposit;
    }

    public TokenNetworkSetup Setup { get; }

    public NetworkFixture Fixture => Setup.Fixture;

    public Party Payee { get; }

    public Party Payer { get; }

    /// <summary>Whether the payee opened the channel, so that it is participant1 on chain.</summary>
    public bool PayeeIsParticipant1 { get; }

    public UInt256 ChannelId { get; }

    public ulong PayeeDeposit { get; }

    public ulong PayerDeposit { get; }

    /// <summary>What the channel holds: both deposits (no withdrawals in these channels).</summary>
    public UInt256 Total => new UInt256(PayeeDeposit) + PayerDeposit;

    public TokenNetworkContract Reader => Setup.Reader;

    /// <summary>Two fresh parties open a channel (settle timeout <see cref="TokenNetworkSetup.SettleTimeout"/> unless given) and each deposits for itself.</summary>
    public static async Task<UnlockChannel> OpenAsync(
        TokenNetworkSetup setup,
        bool payeeIsParticipant1 = true,
        ulong payeeDeposit = DefaultPayeeDeposit,
        ulong payerDeposit = DefaultPayerDeposit,
        ulong? settleTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var payee = await setup.NewPartyAsync();
        var payer = await setup.NewPartyAsync();
        var channelId = payeeIsParticipant1
            ? await setup.OpenWithDepositsAsync(payee, payer, payeeDeposit, payerDeposit, settleTimeout)
            : await setup.OpenWithDepositsAsync(payer, payee, payerDeposit, payeeDeposit, settleTimeout);
        return new UnlockChannel(setup, payee, payer, payeeIsParticipant1, channelId, payeeDeposit, payerDeposit);
    }

    /// <summary>Locks that expire far beyond the end of any test (1,000 blocks ahead), of amounts firstAmount, firstAmount + 1, ….</summary>
    public async Task<UnlockableLock[]> NewLocksAsync(int count, ulong firstAmount = 1) =>
        UnlockableLock.CreateMany(count, await Fixture.BlockNumberAsync() + 1000, firstAmount);

    /// <summary>The payer's balance proof to the payee, whose locksroot is the tree of <paramref name="locks"/> in order.</summary>
    public UnlockBalanceProof SignByPayer(UInt256 transferred, IEnumerable<UnlockableLock> locks, ulong nonce, Hash256 additionalHash = default) =>
        Sign(Payer, transferred, locks, nonce, additionalHash);

    /// <summary>The payee's balance proof to the payer, without locks.</summary>
    public UnlockBalanceProof SignByPayee(UInt256 transferred, ulong nonce) => Sign(Payee, transferred, [], nonce, default);

    /// <summary>Closes so that <paramref name="payerProof"/> is stored for the payer: by the payer and the payee's update, or by the payee itself.</summary>
    public Task CloseAsync(UnlockBalanceProof payerProof, bool payerCloses, UnlockBalanceProof? payeeProof = null) =>
        payerCloses ? CloseByPayerAsync(payerProof, payeeProof) : CloseByPayeeAsync(payerProof, payeeProof);

    /// <summary>The payee closes with the payer's proof; the payer then updates with the payee's proof, if there is one.</summary>
    public async Task CloseByPayeeAsync(UnlockBalanceProof payerProof, UnlockBalanceProof? payeeProof = null)
    {
        ArgumentNullException.ThrowIfNull(payerProof);
        await Payee.Network.CloseChannelAsync(
            ChannelId, Payer.Address, payerProof.BalanceHash, payerProof.Nonce, payerProof.AdditionalHash, payerProof.Signature);
        if (payeeProof is not null)
        {
            await Payer.Network.UpdateNonClosingBalanceProofAsync(
                ChannelId, Payee.Address, payeeProof.BalanceHash, payeeProof.Nonce, payeeProof.AdditionalHash, payeeProof.Signature);
        }
    }

    /// <summary>The payer closes with the payee's proof (or with none); the payee then updates with the payer's proof.</summary>
    public async Task CloseByPayerAsync(UnlockBalanceProof payerProof, UnlockBalanceProof? payeeProof = null)
    {
        if (payeeProof is null)
            await Payer.Network.CloseChannelAsync(ChannelId, Payee.Address, Hash256.Zero, UInt256.Zero, Hash256.Zero, null);
        else
            await Payer.Network.CloseChannelAsync(ChannelId, Payee.Address, payeeProof.BalanceHash, payeeProof.Nonce, payeeProof.AdditionalHash, payeeProof.Signature);
        await UpdatePayerProofAsync(payerProof);
    }

    /// <summary>The payee stores the closing payer's proof (the first one, or a newer one replacing it).</summary>
    public Task<TransactionReceipt> UpdatePayerProofAsync(UnlockBalanceProof payerProof)
    {
        ArgumentNullException.ThrowIfNull(payerProof);
        return Payee.Network.UpdateNonClosingBalanceProofAsync(
            ChannelId, Payer.Address, payerProof.BalanceHash, payerProof.Nonce, payerProof.AdditionalHash, payerProof.Signature);
    }

    /// <summary>Registers the locks' secrets in one transaction; returns its receipt (the registration block).</summary>
    public Task<TransactionReceipt> RegisterSecretsAsync(params UnlockableLock[] locks) =>
        Fixture.Secrets.RegisterSecretBatchAsync([.. locks.Select(l => l.Secret)]);

    /// <summary>
    /// <paramref name="caller"/> (the payee unless given) unlocks <paramref name="unlockable"/> with its
    /// Merkle proof in <paramref name="proof"/>'s tree; <paramref name="transferred"/> is the payer's
    /// transferred amount as stored now (the proof's plus what was unlocked against it so far).
    /// </summary>
    public Task<TransactionReceipt> UnlockAsync(UnlockBalanceProof proof, UnlockableLock unlockable, UInt256 transferred, Party? caller = null)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(unlockable);
        return UnlockAsync(unlockable.Lock, transferred, proof.MerkleProofOf(unlockable.LockHash), caller);
    }

    /// <summary>The raw unlock call, for refusals: any lock fields, any Merkle proof bytes, any caller and payer.</summary>
    public Task<TransactionReceipt> UnlockAsync(HashTimeLock htl, UInt256 transferred, byte[] merkleProof, Party? caller = null, Address? payer = null)
    {
        ArgumentNullException.ThrowIfNull(htl);
        return (caller ?? Payee).Network.UnlockAsync(ChannelId, payer ?? Payer.Address, transferred, htl.Expiration, htl.Amount, htl.SecretHash, merkleProof);
    }

    /// <summary>The single ChannelUnlocked event of an unlock's receipt.</summary>
    public ChannelUnlocked UnlockedEventOf(TransactionReceipt receipt) =>
        TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<ChannelUnlocked>().Single();

    /// <summary>Asserts that <paramref name="receipt"/> unlocked <paramref name="unlockable"/> for the payee and left the payer's transferred amount at <paramref name="transferred"/>.</summary>
    public void AssertUnlocked(TransactionReceipt receipt, UnlockableLock unlockable, UInt256 transferred)
    {
        ArgumentNullException.ThrowIfNull(unlockable);
        var unlocked = UnlockedEventOf(receipt);
        Assert.Equal(ChannelId, unlocked.ChannelId);
        Assert.Equal(Payee.Address, unlocked.Payee);
        Assert.Equal(unlockable.LockHash, unlocked.LockHash);
        Assert.Equal(transferred, unlocked.TransferredAmount);
    }

    public Task<bool> IsUnlockedAsync(UnlockableLock unlockable) => Reader.IsLockUnlockedAsync(ChannelId, Payee.Address, unlockable.LockHash);

    public Task<ParticipantInfo> PayerInfoAsync() => Reader.GetParticipantInfoAsync(ChannelId, Payer.Address);

    public Task<ParticipantInfo> PayeeInfoAsync() => Reader.GetParticipantInfoAsync(ChannelId, Payee.Address);

    public async Task<ulong> SettleBlockAsync() => (ulong)(await Reader.GetChannelInfoAsync(ChannelId)).SettleBlockNumber;

    /// <summary>The last block of the punish window: settle block + punish window.</summary>
    public async Task<ulong> LastPunishBlockAsync() => await SettleBlockAsync() + Fixture.Parameters.PunishWindow;

    public async Task<UnlockChannelSnapshot> SnapshotAsync() => new(
        await Reader.GetChannelInfoAsync(ChannelId),
        await PayeeInfoAsync(),
        await PayerInfoAsync(),
        await Payee.TokenBalanceAsync(),
        await Payer.TokenBalanceAsync(),
        await Setup.TokenBalanceAsync(Setup.Network));

    /// <summary>Asserts that the contract refuses <paramref name="action"/> with <paramref name="errorName"/> and that nothing of the channel changed.</summary>
    public async Task<ContractErrorException> RefusesAsync(string errorName, Func<Task> action)
    {
        var before = await SnapshotAsync();
        var error = await ContractAssert.RevertsWith(errorName, action);
        Assert.Equal(before, await SnapshotAsync());
        return error;
    }

    /// <summary>
    /// Mines past the punish window, settles with the values behind both stored balance hashes (a
    /// third party sends it), and asserts the exact payouts: the ChannelSettled amounts, both
    /// participants' token balances, and the network's.
    /// </summary>
    public async Task SettleAndAssertPayoutsAsync(
        UInt256 payerTransferred,
        Hash256 payerLocksroot,
        UInt256 payeeTransferred,
        Hash256 payeeLocksroot,
        UInt256 expectedPayee,
        UInt256 expectedPayer)
    {
        Assert.Equal(Total, expectedPayee + expectedPayer);
        await Fixture.MineToAsync(await LastPunishBlockAsync());
        var before = await SnapshotAsync();

        var receipt = await Setup.AsThirdParty.SettleChannelAsync(
            ChannelId, Payee.Address, payeeTransferred, payeeLocksroot, Payer.Address, payerTransferred, payerLocksroot);

        var settled = TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<ChannelSettled>().Single();
        var (amount1, amount2) = PayeeIsParticipant1 ? (expectedPayee, expectedPayer) : (expectedPayer, expectedPayee);
        Assert.Equal(ChannelId, settled.ChannelId);
        Assert.Equal(amount1, settled.Participant1Amount);
        Assert.Equal(amount2, settled.Participant2Amount);
        Assert.Equal(before.PayeeTokens + expectedPayee, await Payee.TokenBalanceAsync());
        Assert.Equal(before.PayerTokens + expectedPayer, await Payer.TokenBalanceAsync());
        Assert.Equal(before.NetworkTokens - Total, await Setup.TokenBalanceAsync(Setup.Network));
        Assert.Equal(ChannelState.Settled, (await Reader.GetChannelInfoAsync(ChannelId)).State);
    }

    private UnlockBalanceProof Sign(Party signer, UInt256 transferred, IEnumerable<UnlockableLock> locks, ulong nonce, Hash256 additionalHash)
    {
        var tree = LocksMerkleTree.FromLocks(locks.Select(l => l.Lock));
        var (proof, signature) = signer.SignBalanceProof(ChannelId, transferred, tree.Root, nonce, additionalHash);
        return new UnlockBalanceProof(transferred, tree, proof, signature);
    }
}
