using System.Collections.Immutable;
using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Protocol.Channels;

/// <summary>
/// One participant's side of a channel: its on-chain totals and the latest balance proof it sent
/// (nonce 0 and nothing pending until the first). Immutable; <see cref="LockedAmount"/>, the
/// <see cref="LocksTree"/> and the <see cref="Locksroot"/> are derived from <see cref="Locks"/>
/// whenever it is set, so a <c>with</c> expression can never leave them stale.
/// </summary>
/// <remarks>
/// Invariants kept by <see cref="ChannelTransitions"/> (the only producer of new proof states):
/// no two pending locks share a lock hash or a secret hash; <c>TransferredAmount + LockedAmount</c>
/// fits in a uint256 and never exceeds what the end can pay; <c>Nonce</c> &lt; 2^48.
/// </remarks>
public sealed record ChannelEnd
{
    private readonly ImmutableList<HashTimeLock> _locks = [];
    private readonly ImmutableHashSet<Hash256> _disposedLockHashes = [];

    public ChannelEnd(Address address, UInt256 totalDeposit = default)
    {
        Address = address;
        TotalDeposit = totalDeposit;
        Locks = [];
    }

    public Address Address { get; init; }

    /// <summary>The participant's total deposit on chain (monotonic).</summary>
    public UInt256 TotalDeposit { get; init; }

    /// <summary>The participant's total withdrawal on chain (monotonic).</summary>
    public UInt256 TotalWithdraw { get; init; }

    /// <summary>The nonce of the latest balance proof of this end; 0 while it has sent none.</summary>
    public ulong Nonce { get; init; }

    /// <summary>What this end has paid its partner in total, unlocked locks included (monotonic).</summary>
    public UInt256 TransferredAmount { get; init; }

    /// <summary>The pending locks of this end's latest balance proof, in insertion order (the Merkle tree's leaf order).</summary>
    /// <exception cref="DuplicateLockException">Two locks with the same lock hash.</exception>
    /// <exception cref="OverflowException">Lock amounts whose sum exceeds a uint256.</exception>
    public ImmutableList<HashTimeLock> Locks
    {
        get => _locks;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var locked = UInt256.Zero;
            foreach (var hashTimeLock in value)
                locked += hashTimeLock.Amount;
            LocksTree = LocksMerkleTree.FromLocks(value);
            LockedAmount = locked;
            _locks = value;
        }
    }

    /// <summary>The sum of the pending locks' amounts.</summary>
    public UInt256 LockedAmount { get; private init; }

    /// <summary>The Merkle tree over the pending lock hashes.</summary>
    public LocksMerkleTree LocksTree { get; private init; } = LocksMerkleTree.Empty;

    public Hash256 Locksroot => LocksTree.Root;

    /// <summary>The balance hash of the latest proof (DESIGN.md §5).</summary>
    public Hash256 BalanceHash => Contracts.Locks.BalanceHash.Compute(TransferredAmount, Locksroot);

    /// <summary>
    /// Lock hashes of this end that its partner (the payee) disposed: this end never sends them
    /// again, and the payee never accepts them again (docs/contracts.md), for the channel's life.
    /// </summary>
    public ImmutableHashSet<Hash256> DisposedLockHashes
    {
        get => _disposedLockHashes;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _disposedLockHashes = value;
        }
    }

    /// <summary>The additional hash and signature of the latest proof, once signed; null before.</summary>
    public ProofSignature? Signature { get; init; }

    /// <summary>The EIP-712 BalanceProof of this end's state as carried by a message with <paramref name="additionalHash"/>.</summary>
    public BalanceProof ToBalanceProof(UInt256 channelId, Hash256 additionalHash) => new(channelId, BalanceHash, Nonce, additionalHash);

    /// <summary>The pending lock with this secret hash, or null.</summary>
    public HashTimeLock? FindLock(Hash256 secretHash) => _locks.Find(l => l.SecretHash == secretHash);

    // Value equality over what the end means: the lists and sets compare by content, the derived
    // tree (a class with reference equality) is left out since it follows from Locks.
    public bool Equals(ChannelEnd? other) =>
        other is not null
        && Address == other.Address
        && TotalDeposit == other.TotalDeposit
        && TotalWithdraw == other.TotalWithdraw
        && Nonce == other.Nonce
        && TransferredAmount == other.TransferredAmount
        && _locks.SequenceEqual(other._locks)
        && _disposedLockHashes.SetEquals(other._disposedLockHashes)
        && Equals(Signature, other.Signature);

    public override int GetHashCode() => HashCode.Combine(Address, Nonce, TransferredAmount, Locksroot, _disposedLockHashes.Count);

    public override string ToString() =>
        $"ChannelEnd {{ {Address}, deposit {TotalDeposit}, withdraw {TotalWithdraw}, nonce {Nonce}, transferred {TransferredAmount}, locked {LockedAmount} in {_locks.Count} locks, {_disposedLockHashes.Count} disposed }}";
}
