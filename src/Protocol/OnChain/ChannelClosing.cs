using System.Collections.Immutable;
using Photon.Ethereum;

namespace Photon.Protocol.OnChain;

/// <summary>
/// How a channel was closed on chain and what has happened since: by whom, in which block, until which
/// block proofs and unlocks are accepted (<see cref="SettleBlock"/>), what the contract stores for each
/// participant, and what this node asked for (unlocks, secret registrations, a punishment, the settlement),
/// so that every chain event and every block may be seen twice without asking twice.
/// </summary>
/// <remarks>
/// Invariants: <see cref="UnlockedForUs"/> and <see cref="UnlockRequests"/> concern the partner's proof
/// stored now, <see cref="UnlockedForPartner"/> our proof stored now (an update to a newer proof voids the
/// credit of earlier unlocks on chain, so the records are cleared with it); the outstanding requests (not in
/// <see cref="UnlockedForUs"/>) form a chain from the partner's stored transferred amount, each starting
/// where the previous one ends, unless an unlock this node did not ask for broke it (then they are re-sent).
/// </remarks>
public sealed record ChannelClosing(Address Closer, ulong ClosedBlock, ulong SettleBlock)
{
    /// <summary>Our proof as the contract stores it (the partner submitted it: at its close, or in an update of ours when we closed).</summary>
    public StoredProof Our { get; init; } = StoredProof.Empty;

    /// <summary>The partner's proof as the contract stores it (we submitted it: at our close, or in our update when it closed).</summary>
    public StoredProof Partner { get; init; } = StoredProof.Empty;

    /// <summary>Unlocks of the partner's locks this node asked for, in the order asked.</summary>
    public ImmutableList<UnlockRequest> UnlockRequests { get; init; } = [];

    /// <summary>Lock hashes unlocked on chain with us as payee, against the partner's stored proof.</summary>
    public ImmutableHashSet<Hash256> UnlockedForUs { get; init; } = [];

    /// <summary>Lock hashes unlocked on chain with the partner as payee, against our stored proof.</summary>
    public ImmutableHashSet<Hash256> UnlockedForPartner { get; init; } = [];

    /// <summary>Secret hashes whose registration this node asked for in this channel.</summary>
    public ImmutableHashSet<Hash256> SecretRegistrations { get; init; } = [];

    /// <summary>True once punishObsoleteUnlock was asked for (the contract punishes once per channel).</summary>
    public bool PunishRequested { get; init; }

    /// <summary>The participant the contract punished, once ChannelPunished is seen.</summary>
    public Address? Punished { get; init; }

    public SettleProgress Settle { get; init; }

    /// <summary>The last block in which punishObsoleteUnlock is accepted; settleChannel is accepted after it.</summary>
    public ulong PunishDeadline(ulong punishWindow) => SettleBlock + punishWindow;

    public bool Equals(ChannelClosing? other) =>
        other is not null
        && Closer == other.Closer && ClosedBlock == other.ClosedBlock && SettleBlock == other.SettleBlock
        && Our == other.Our && Partner == other.Partner
        && UnlockRequests.SequenceEqual(other.UnlockRequests)
        && UnlockedForUs.SetEquals(other.UnlockedForUs) && UnlockedForPartner.SetEquals(other.UnlockedForPartner)
        && SecretRegistrations.SetEquals(other.SecretRegistrations)
        && PunishRequested == other.PunishRequested && Punished == other.Punished && Settle == other.Settle;

    public override int GetHashCode() => HashCode.Combine(Closer, ClosedBlock, SettleBlock, UnlockRequests.Count, Settle);
}
