using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Locks;

/// <summary>
/// The Merkle tree over a participant's pending lock hashes, in insertion order (DESIGN.md §5,
/// LocksRoot.sol): parent = keccak256(min(a,b) ‖ max(a,b)); an odd last node is carried up to the
/// next level unchanged; the empty tree's root is zero. Because pairs are sorted, a proof is only
/// the siblings met on the way up (a carried level adds none) and needs no left/right flags.
/// </summary>
/// <remarks>
/// Immutable. Every level is kept (about 2n hashes), so building costs n - 1 keccaks and a proof is
/// read off in O(log n). Leaves are unique: see <see cref="DuplicateLockException"/>.
/// </remarks>
public sealed class LocksMerkleTree
{
    public static readonly LocksMerkleTree Empty = new([]);

    // _levels[0] are the leaves; each next level has ⌈count / 2⌉ nodes; the last has one node, the
    // root (no levels at all for the empty tree).
    private readonly Hash256[][] _levels;
    private readonly Dictionary<Hash256, int> _indexOf;

    /// <summary>Builds the tree. Throws <see cref="DuplicateLockException"/> when a lock hash repeats.</summary>
    public LocksMerkleTree(IEnumerable<Hash256> lockHashes)
    {
        ArgumentNullException.ThrowIfNull(lockHashes);
        var leaves = lockHashes.ToArray();
        _indexOf = new Dictionary<Hash256, int>(leaves.Length);
        for (var i = 0; i < leaves.Length; i++)
        {
            if (!_indexOf.TryAdd(leaves[i], i))
                throw new DuplicateLockException(leaves[i], _indexOf[leaves[i]], i);
        }
        _levels = BuildLevels(leaves);
    }

    /// <summary>Builds the tree over the hashes of <paramref name="locks"/>, in order.</summary>
    public static LocksMerkleTree FromLocks(IEnumerable<HashTimeLock> locks)
    {
        ArgumentNullException.ThrowIfNull(locks);
        return new LocksMerkleTree(locks.Select(l => l.LockHash));
    }

    public int Count => _levels.Length == 0 ? 0 : _levels[0].Length;

    /// <summary>The locksroot: <see cref="Hash256.Zero"/> for the empty tree, the leaf itself for one lock.</summary>
    public Hash256 Root => _levels.Length == 0 ? Hash256.Zero : _levels[^1][0];

    /// <summary>The lock hashes in insertion order.</summary>
    public IReadOnlyList<Hash256> Leaves => _levels.Length == 0 ? [] : Array.AsReadOnly(_levels[0]);

    public bool Contains(Hash256 lockHash) => _indexOf.ContainsKey(lockHash);

    /// <summary>The position of <paramref name="lockHash"/>, or -1 when it is not a leaf.</summary>
    public int IndexOf(Hash256 lockHash) => _indexOf.TryGetValue(lockHash, out var index) ? index : -1;

    /// <summary>The concatenated siblings from the leaf at <paramref name="index"/> up to the root.</summary>
    public byte[] ProofFor(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var siblings = new List<Hash256>(_levels.Length);
        for (var level = 0; level < _levels.Length - 1; level++)
        {
            var sibling = index ^ 1;
            if (sibling < _levels[level].Length)
                siblings.Add(_levels[level][sibling]);
            index >>= 1;
        }
        var proof = new byte[siblings.Count * Hash256.Length];
        for (var i = 0; i < siblings.Count; i++)
            siblings[i].WriteTo(proof.AsSpan(i * Hash256.Length));
        return proof;
    }

    /// <summary>The proof of the leaf <paramref name="lockHash"/>. Throws <see cref="KeyNotFoundException"/> when it is not in the tree.</summary>
    public byte[] ProofFor(Hash256 lockHash) =>
        _indexOf.TryGetValue(lockHash, out var index)
            ? ProofFor(index)
            : throw new KeyNotFoundException($"lock {lockHash} is not in this locks tree");

    /// <summary>
    /// The root of the tree that holds <paramref name="leaf"/> with this sibling path, as
    /// <c>LocksRoot.compute</c> does on-chain. Throws <see cref="MalformedMerkleProofException"/>
    /// when the length is not a multiple of 32, where the contract reverts.
    /// </summary>
    public static Hash256 ComputeRoot(Hash256 leaf, ReadOnlySpan<byte> proof)
    {
        if (proof.Length % Hash256.Length != 0)
            throw new MalformedMerkleProofException(proof.Length);
        var node = leaf;
        for (var offset = 0; offset < proof.Length; offset += Hash256.Length)
            node = Parent(node, new Hash256(proof.Slice(offset, Hash256.Length)));
        return node;
    }

    /// <summary>True when <paramref name="proof"/> leads from <paramref name="leaf"/> to <paramref name="root"/>; false (no exception) for a malformed proof.</summary>
    public static bool Verify(Hash256 leaf, ReadOnlySpan<byte> proof, Hash256 root) =>
        proof.Length % Hash256.Length == 0 && ComputeRoot(leaf, proof) == root;

    private static Hash256[][] BuildLevels(Hash256[] leaves)
    {
        if (leaves.Length == 0)
            return [];
        var levels = new List<Hash256[]> { leaves };
        var current = leaves;
        while (current.Length > 1)
        {
            var next = new Hash256[(current.Length + 1) / 2];
            for (var i = 0; i + 1 < current.Length; i += 2)
                next[i / 2] = Parent(current[i], current[i + 1]);
            if (current.Length % 2 == 1)
                next[^1] = current[^1];
            levels.Add(next);
            current = next;
        }
        return [.. levels];
    }

    private static Hash256 Parent(Hash256 a, Hash256 b)
    {
        Span<byte> pair = stackalloc byte[2 * Hash256.Length];
        var (low, high) = a <= b ? (a, b) : (b, a);
        low.WriteTo(pair);
        high.WriteTo(pair[Hash256.Length..]);
        return Keccak256.Hash(pair);
    }
}
