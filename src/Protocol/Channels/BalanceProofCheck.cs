using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Protocol.Channels;

/// <summary>
/// Decides whether the partner's new balance proof is acceptable (pure: no IO, no clock). A proof
/// is accepted only when it comes from the partner, names this channel, is signed by the partner
/// over exactly its fields under the channel's EIP-712 domain, has the next nonce, stays within
/// what the partner can pay, and describes exactly the end state the transition it claims produces.
/// Refusals are returned, never thrown, and leave the channel as it was.
/// </summary>
public static class BalanceProofCheck
{
    /// <summary>A DirectTransfer paying <paramref name="amount"/>.</summary>
    public static EndTransition CheckDirectTransfer(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, UInt256 amount) =>
        CheckTransition(channel, sender, proof, additionalHash, () => ChannelTransitions.ApplyDirectTransfer(channel, channel.Partner.Address, amount));

    /// <summary>A MediatedTransfer adding <paramref name="hashTimeLock"/>, received at <paramref name="block"/> (an already expired lock is accepted: see ChannelTransitions.ApplyLock).</summary>
    public static EndTransition CheckLock(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, HashTimeLock hashTimeLock, ulong block) =>
        CheckTransition(channel, sender, proof, additionalHash, () => ChannelTransitions.ApplyLock(channel, channel.Partner.Address, hashTimeLock, block, received: true));

    /// <summary>An Unlock with <paramref name="secret"/>.</summary>
    public static EndTransition CheckUnlock(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, Hash256 secret) =>
        CheckTransition(channel, sender, proof, additionalHash, () => ChannelTransitions.ApplyUnlock(channel, channel.Partner.Address, secret));

    /// <summary>A LockExpired removing the lock with <paramref name="secretHash"/>, received at <paramref name="block"/>.</summary>
    public static EndTransition CheckLockExpired(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, Hash256 secretHash, ulong block) =>
        CheckTransition(channel, sender, proof, additionalHash, () => ChannelTransitions.ApplyLockExpired(channel, channel.Partner.Address, secretHash, block));

    /// <summary>An AnnounceDisposedResponse removing the lock with <paramref name="secretHash"/> that we disposed.</summary>
    public static EndTransition CheckDisposed(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, Hash256 secretHash) =>
        CheckTransition(channel, sender, proof, additionalHash, () => ChannelTransitions.ApplyDisposed(channel, channel.Partner.Address, secretHash));

    /// <summary>
    /// Checks <paramref name="proof"/> against <paramref name="expected"/>, the partner's end as the
    /// claimed transition produces it (its pending locks are the expected new lock set). Accepted:
    /// <paramref name="expected"/> with the proof's signature and additional hash recorded.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is not an end of the partner.</exception>
    public static EndTransition Check(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, ChannelEnd expected)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(expected);
        if (expected.Address != channel.Partner.Address)
            throw new ArgumentException($"the expected end is {expected.Address}'s, not the partner's ({channel.Partner.Address})", nameof(expected));
        return CheckTransition(channel, sender, proof, additionalHash, () => EndTransition.Accept(expected));
    }

    private static EndTransition CheckTransition(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash, Func<EndTransition> transition)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(proof);
        // Identity and signature first: an unauthenticated proof is refused as such, whatever it claims.
        if (CheckIdentity(channel, sender, proof, additionalHash) is { } refusal)
            return EndTransition.Refuse(refusal);
        var expected = transition();
        if (!expected.IsAccepted)
            return expected;
        if (CheckAmounts(channel, proof, expected.End) is { } mismatch)
            return EndTransition.Refuse(mismatch);
        return EndTransition.Accept(expected.End with { Signature = new ProofSignature(additionalHash, proof.Signature) });
    }

    private static Refusal? CheckIdentity(Channel channel, Address sender, ReceivedBalanceProof proof, Hash256 additionalHash)
    {
        var partner = channel.Partner;
        if (sender != partner.Address)
            return new Refusal(RefusalReason.NotFromPartner, $"the proof was sent by {sender}, not the partner {partner.Address}");
        if (proof.ChainId != channel.ChainId)
            return new Refusal(RefusalReason.WrongChainId, $"the proof is for chain {proof.ChainId}, the channel on chain {channel.ChainId}");
        if (proof.TokenNetwork != channel.TokenNetwork)
            return new Refusal(RefusalReason.WrongTokenNetwork, $"the proof is for token network {proof.TokenNetwork}, the channel in {channel.TokenNetwork}");
        if (proof.ChannelId != channel.ChannelId)
            return new Refusal(RefusalReason.WrongChannelId, $"the proof is for channel {proof.ChannelId}, not {channel.ChannelId}");
        if (channel.Status != ChannelStatus.Opened)
            return new Refusal(RefusalReason.ChannelNotOpened, $"channel {channel.ChannelId} is {channel.Status}");
        if (proof.Nonce >= ChannelTransitions.NonceLimit)
            return new Refusal(RefusalReason.NonceLimitReached, $"nonce {proof.Nonce} is not below 2^48");
        // The first test keeps partner.Nonce + 1 from wrapping to 0 for a hand-built end.
        if (partner.Nonce == ulong.MaxValue || proof.Nonce != partner.Nonce + 1)
            return new Refusal(RefusalReason.WrongNonce, $"nonce {proof.Nonce} does not follow the partner's last nonce {partner.Nonce}");
        var signed = new Contracts.Proofs.BalanceProof(channel.ChannelId, BalanceHash.Compute(proof.TransferredAmount, proof.Locksroot), proof.Nonce, additionalHash);
        if (!signed.IsSignedBy(channel.Domain, proof.Signature, partner.Address))
            return new Refusal(RefusalReason.InvalidSignature, $"the balance proof is not signed by the partner {partner.Address} under {channel.Domain}");
        return null;
    }

    private static Refusal? CheckAmounts(Channel channel, ReceivedBalanceProof proof, ChannelEnd expected)
    {
        var partner = channel.Partner;
        if (proof.TransferredAmount < partner.TransferredAmount)
            return new Refusal(RefusalReason.TransferredAmountDecreased, $"transferred amount {proof.TransferredAmount} is below the previous {partner.TransferredAmount}");
        if (!Balances.CanCommit(partner, channel.Our, proof.TransferredAmount, proof.LockedAmount))
            return new Refusal(RefusalReason.InsufficientCapacity, $"transferred {proof.TransferredAmount} + locked {proof.LockedAmount} exceed what {partner.Address} can pay");
        if (proof.TransferredAmount != expected.TransferredAmount)
            return new Refusal(RefusalReason.TransferredAmountMismatch, $"transferred amount {proof.TransferredAmount}, expected {expected.TransferredAmount}");
        if (proof.LockedAmount != expected.LockedAmount)
            return new Refusal(RefusalReason.LockedAmountMismatch, $"locked amount {proof.LockedAmount}, the expected locks sum to {expected.LockedAmount}");
        if (proof.Locksroot != expected.Locksroot)
            return new Refusal(RefusalReason.LocksrootMismatch, $"locksroot {proof.Locksroot}, the expected locks have root {expected.Locksroot}");
        if (proof.Nonce != expected.Nonce)
            return new Refusal(RefusalReason.WrongNonce, $"nonce {proof.Nonce}, the expected state has {expected.Nonce}");
        return null;
    }
}
