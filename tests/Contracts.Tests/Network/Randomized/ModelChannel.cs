using System.Numerics;
using Photon.Contracts.Locks;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Randomized;

/// <summary>
/// What the model knows of one channel: the on-chain record as the contract must hold it, and the
/// balance proofs each side signed off-chain (all of them, so a close can use an older one).
/// Side 0 is participant1, side 1 participant2 (the order of the open call).
/// </summary>
internal sealed class ModelChannel(ulong id, int pair, int[] actors, ulong settleTimeout)
{
    public ulong Id { get; } = id;

    public int Pair { get; } = pair;

    /// <summary>The actor index of each side.</summary>
    public int[] Actors { get; } = actors;

    public ulong SettleTimeout { get; } = settleTimeout;

    public ModelState State { get; set; } = ModelState.Opened;

    public UInt256[] Deposit { get; } = [UInt256.Zero, UInt256.Zero];

    public UInt256[] Withdrawn { get; } = [UInt256.Zero, UInt256.Zero];

    /// <summary>The proofs side s signed for its partner, oldest first (nonces 1, 2, …).</summary>
    public List<ModelProof>[] Proofs { get; } = [[], []];

    /// <summary>The proof of side s the contract holds (null: none, all zero).</summary>
    public ModelProof?[] Stored { get; } = [null, null];

    public int Closer { get; set; } = -1;

    public ulong SettleBlock { get; set; }

    /// <summary>The monitor (actor index, -1 none) and reward recorded on side s, the delegator.</summary>
    public int[] Monitor { get; } = [-1, -1];

    public UInt256[] Reward { get; } = [UInt256.Zero, UInt256.Zero];

    public bool IsLive => State is ModelState.Opened or ModelState.Closed;

    /// <summary>What the channel holds: deposits − withdrawals.</summary>
    public UInt256 Holdings => Deposit[0] + Deposit[1] - Withdrawn[0] - Withdrawn[1];

    public UInt256 Transferred(int side) => Proofs[side].Count == 0 ? UInt256.Zero : Proofs[side][^1].Transferred;

    public ulong Nonce(int side) => (ulong)Proofs[side].Count;

    public UInt256 StoredTransferred(int side) => Stored[side]?.Transferred ?? UInt256.Zero;

    public ulong StoredNonce(int side) => Stored[side]?.Nonce ?? 0;

    public Hash256 StoredBalanceHash(int side) => BalanceHash.Compute(StoredTransferred(side), Hash256.Zero);

    /// <summary>
    /// What side s may still spend off-chain by the latest proofs, which may be negative after a
    /// withdrawal beyond it (the contract allows withdrawing up to the channel's holdings).
    /// </summary>
    public BigInteger OffChainBalance(int side) =>
        (BigInteger)Deposit[side] - Withdrawn[side] + Transferred(1 - side) - Transferred(side);

    /// <summary>What setTotalWithdraw lets side s reach: its deposit plus what its partner has not withdrawn.</summary>
    public UInt256 WithdrawLimit(int side) => Deposit[side] + Deposit[1 - side] - Withdrawn[1 - side];

    /// <summary>
    /// The settlement by the stored proofs (DESIGN.md §5): participant1 gets deposit1 − withdrawn1 +
    /// transferred2 − transferred1 clamped to [0, total], participant2 the rest; then each delegator's
    /// monitor reward, capped by its share, is taken out of it.
    /// </summary>
    public (UInt256 Amount1, UInt256 Amount2, UInt256 Reward1, UInt256 Reward2) Settlement()
    {
        var total = Holdings;
        var raw = (BigInteger)Deposit[0] - Withdrawn[0] + StoredTransferred(1) - StoredTransferred(0);
        var amount1 = raw <= 0 ? UInt256.Zero : raw >= total ? total : (UInt256)raw;
        var amount2 = total - amount1;
        var reward1 = UInt256.Min(Reward[0], amount1);
        var reward2 = UInt256.Min(Reward[1], amount2);
        return (amount1 - reward1, amount2 - reward2, reward1, reward2);
    }

    public override string ToString() => $"channel {Id} (actors {Actors[0]}, {Actors[1]}; {State})";
}
