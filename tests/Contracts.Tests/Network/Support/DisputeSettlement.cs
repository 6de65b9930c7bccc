using Photon.Contracts.Bindings;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>
/// A whole unilateral settlement: deposits, withdrawals while open, a close with the partner's proof,
/// the non-closer's update with the closer's proof, and settlement by a third party in the first
/// block allowed. A null transferred amount means that participant never signed a proof (the zero
/// proof stays stored for it).
/// </summary>
public sealed record DisputeSettlement(
    ulong Deposit1,
    ulong Deposit2,
    ulong Withdrawn1,
    ulong Withdrawn2,
    UInt256? Transferred1,
    UInt256? Transferred2,
    bool Participant2Closes = false,
    bool WithLocksroots = false)
{
    /// <summary>Runs the settlement on fresh parties and measures what everyone received.</summary>
    public async Task<DisputeSettlementOutcome> RunAsync(TokenNetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var channel = await DisputeChannel.OpenAsync(setup, Deposit1, Deposit2);
        if (Withdrawn1 > 0)
            await channel.WithdrawAsync(channel.Participant1, Withdrawn1);
        if (Withdrawn2 > 0)
            await channel.WithdrawAsync(channel.Participant2, Withdrawn2);

        var proof1 = Transferred1 is { } t1 ? channel.Proof(channel.Participant1, t1, 11, Locksroot(1)) : null;
        var proof2 = Transferred2 is { } t2 ? channel.Proof(channel.Participant2, t2, 22, Locksroot(2)) : null;
        var (closer, closerProof, partnerProof) = Participant2Closes
            ? (channel.Participant2, proof2, proof1)
            : (channel.Participant1, proof1, proof2);
        await channel.CloseAsync(closer, partnerProof);
        if (closerProof is not null)
            await channel.UpdateAsync(channel.PartnerOf(closer), closerProof);

        await channel.MineUntilSettleableAsync();
        var before = await channel.SnapshotAsync();
        var receipt = await channel.SettleAsync(setup.AsThirdParty, proof1, proof2);
        var after = await channel.SnapshotAsync();
        return new DisputeSettlementOutcome(
            channel,
            receipt,
            channel.SingleEvent<ChannelSettled>(receipt),
            after.Balances[0].Balance - before.Balances[0].Balance,
            after.Balances[1].Balance - before.Balances[1].Balance,
            before.Balances[2].Balance - after.Balances[2].Balance);
    }

    private Hash256 Locksroot(int participant) =>
        WithLocksroots ? Keccak256.Hash([(byte)participant, .. "locksroot"u8]) : Hash256.Zero;
}

/// <summary>What a settlement paid: <see cref="Received1"/> and <see cref="Received2"/> are token balance increases, <see cref="NetworkPaid"/> the network's decrease.</summary>
public sealed record DisputeSettlementOutcome(
    DisputeChannel Channel,
    TransactionReceipt Receipt,
    ChannelSettled Settled,
    UInt256 Received1,
    UInt256 Received2,
    UInt256 NetworkPaid);
