using Photon.Contracts.Bindings;
using Photon.Contracts.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.JsonRpc;
using Photon.Ethereum.Transactions;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// A channel between two fresh parties for dispute tests: <see cref="Participant1"/> opened it (so
/// it is participant1 on chain), both deposited, and the helpers close, update, withdraw and settle
/// it the way a node would.
/// </summary>
public sealed class DisputeChannel
{
    private DisputeChannel(TokenNetworkSetup setup, Party participant1, Party participant2, UInt256 id)
    {
        Setup = setup;
        Participant1 = participant1;
        Participant2 = participant2;
        Id = id;
    }

    public TokenNetworkSetup Setup { get; }

    public NetworkFixture Fixture => Setup.Fixture;

    public Party Participant1 { get; }

    public Party Participant2 { get; }

    public UInt256 Id { get; }

    /// <summary>Two fresh parties; the first opens the channel; each deposits its amount.</summary>
    public static async Task<DisputeChannel> OpenAsync(TokenNetworkSetup setup, ulong deposit1, ulong deposit2)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var participant1 = await setup.NewPartyAsync();
        var participant2 = await setup.NewPartyAsync();
        var id = await setup.OpenWithDepositsAsync(participant1, participant2, deposit1, deposit2);
        return new DisputeChannel(setup, participant1, participant2, id);
    }

    public Party PartnerOf(Party participant) =>
        participant == Participant1 ? Participant2
        : participant == Participant2 ? Participant1
        : throw new ArgumentException($"{participant} is not a participant of channel {Id}", nameof(participant));

    /// <summary><paramref name="signer"/>'s balance proof in this channel.</summary>
    public DisputeProof Proof(Party signer, UInt256 transferredAmount, UInt256 nonce, Hash256 locksroot = default, Hash256 additionalHash = default) =>
        DisputeProof.Sign(signer, Id, transferredAmount, nonce, locksroot, additionalHash);

    /// <summary>A party with ether and no tokens, sending as itself: a monitor or any outsider.</summary>
    public async Task<Party> NewOutsiderAsync()
    {
        var key = await Fixture.NewFundedKeyAsync();
        return new Party(Setup, key, new TransactionSender(Fixture.Eth, key, Fixture.ChainId));
    }

    /// <summary><paramref name="closer"/> closes with its partner's proof, or with the zero proof (no signature) when null.</summary>
    public Task<TransactionReceipt> CloseAsync(Party closer, DisputeProof? partnerProof)
    {
        ArgumentNullException.ThrowIfNull(closer);
        var partner = PartnerOf(closer).Address;
        return partnerProof is null
            ? closer.Network.CloseChannelAsync(Id, partner, Hash256.Zero, UInt256.Zero, Hash256.Zero, null)
            : closer.Network.CloseChannelAsync(Id, partner, partnerProof.BalanceHash, partnerProof.Nonce, partnerProof.AdditionalHash, partnerProof.Signature);
    }

    /// <summary><paramref name="nonCloser"/> submits the closer's proof.</summary>
    public Task<TransactionReceipt> UpdateAsync(Party nonCloser, DisputeProof closerProof)
    {
        ArgumentNullException.ThrowIfNull(nonCloser);
        ArgumentNullException.ThrowIfNull(closerProof);
        return nonCloser.Network.UpdateNonClosingBalanceProofAsync(
            Id, PartnerOf(nonCloser).Address, closerProof.BalanceHash, closerProof.Nonce, closerProof.AdditionalHash, closerProof.Signature);
    }

    /// <summary>The delegator's <c>MonitorDelegation</c> for <paramref name="monitor"/> to submit <paramref name="closerProof"/>.</summary>
    public Signature Delegate(Party delegator, DisputeProof closerProof, Address monitor, UInt256 reward)
    {
        ArgumentNullException.ThrowIfNull(delegator);
        ArgumentNullException.ThrowIfNull(closerProof);
        return delegator.Sign(new MonitorDelegation(Id, closerProof.BalanceHash, closerProof.Nonce, closerProof.AdditionalHash, monitor, reward));
    }

    /// <summary><paramref name="monitor"/> submits the closer's proof with the delegator's signature.</summary>
    public Task<TransactionReceipt> UpdateByDelegateAsync(Party monitor, Party delegator, DisputeProof closerProof, Signature delegation, UInt256 reward)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(delegator);
        ArgumentNullException.ThrowIfNull(closerProof);
        return monitor.Network.UpdateBalanceProofDelegateAsync(
            Id,
            PartnerOf(delegator).Address,
            delegator.Address,
            closerProof.BalanceHash,
            closerProof.Nonce,
            closerProof.AdditionalHash,
            closerProof.Signature,
            delegation,
            reward);
    }

    /// <summary>Raises <paramref name="participant"/>'s total withdrawal with both signatures (the channel must be open).</summary>
    public async Task<TransactionReceipt> WithdrawAsync(Party participant, UInt256 totalWithdraw)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var expiration = new UInt256(await Fixture.BlockNumberAsync() + 100);
        var proof = new WithdrawProof(Id, participant.Address, totalWithdraw, expiration);
        return await participant.Network.SetTotalWithdrawAsync(
            Id, participant.Address, totalWithdraw, expiration, participant.Sign(proof), PartnerOf(participant).Sign(proof));
    }

    public async Task<ulong> SettleBlockAsync() => (ulong)(await Setup.Reader.GetChannelInfoAsync(Id)).SettleBlockNumber;

    /// <summary>The first block in which settleChannel is accepted: settle block + punish window + 1.</summary>
    public async Task<ulong> FirstSettleBlockAsync() => await SettleBlockAsync() + Fixture.Parameters.PunishWindow + 1;

    /// <summary>Mines so that the next transaction is mined in <see cref="FirstSettleBlockAsync"/>.</summary>
    public async Task MineUntilSettleableAsync() => await Fixture.MineToAsync(await FirstSettleBlockAsync() - 1);

    /// <summary>Settles with the values behind each participant's stored balance hash (null: the zero proof).</summary>
    public Task<TransactionReceipt> SettleAsync(TokenNetworkContract by, DisputeProof? proofOf1, DisputeProof? proofOf2)
    {
        ArgumentNullException.ThrowIfNull(by);
        return by.SettleChannelAsync(
            Id,
            Participant1.Address,
            proofOf1?.TransferredAmount ?? UInt256.Zero,
            proofOf1?.Locksroot ?? Hash256.Zero,
            Participant2.Address,
            proofOf2?.TransferredAmount ?? UInt256.Zero,
            proofOf2?.Locksroot ?? Hash256.Zero);
    }

    public Task<DisputeSnapshot> SnapshotAsync(params Address[] others) => DisputeSnapshot.CaptureAsync(this, others);

    /// <summary>The single event of type <typeparamref name="T"/> this network emitted in the transaction.</summary>
    public T SingleEvent<T>(TransactionReceipt receipt)
        where T : TokenNetworkEvent =>
        TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<T>().Single();

    public IReadOnlyList<T> Events<T>(TransactionReceipt receipt)
        where T : TokenNetworkEvent =>
        [.. TokenNetworkContract.EventsOf(receipt, Setup.Network).OfType<T>()];
}
