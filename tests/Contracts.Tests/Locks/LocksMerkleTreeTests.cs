using Photon.Contracts.Locks;
using Photon.Ethereum;
using Photon.Ethereum.Crypto;

namespace Photon.Contracts.Tests.Locks;

public sealed class LocksMerkleTreeTests
{
    private readonly LockSamples _samples = new(30);

    [Fact]
    public void The_empty_tree_has_the_zero_root_and_no_proofs()
    {
        var tree = new LocksMerkleTree([]);

        Assert.Equal(Hash256.Zero, tree.Root);
        Assert.Equal(0, tree.Count);
        Assert.Empty(tree.Leaves);
        Assert.Equal(Hash256.Zero, LocksMerkleTree.Empty.Root);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProofFor(0));
    }

    [Fact]
    public void A_single_lock_is_its_own_root_with_an_empty_proof()
    {
        var leaf = _samples.LockHashes(1)[0];
        var tree = new LocksMerkleTree([leaf]);

        Assert.Equal(leaf, tree.Root);
        Assert.Empty(tree.ProofFor(0));
        Assert.True(LocksMerkleTree.Verify(leaf, [], tree.Root));
    }

    [Fact]
    public void Pairs_hash_smaller_first_so_the_order_within_a_pair_does_not_matter()
    {
        var (a, b) = Ordered(_samples.LockHashes(2));

        Assert.Equal(Pair(a, b), new LocksMerkleTree([a, b]).Root);
        Assert.Equal(Pair(a, b), new LocksMerkleTree([b, a]).Root);
        Assert.Equal(Keccak256.Hash([.. a.ToArray(), .. b.ToArray()]), Pair(a, b));
    }

    [Fact]
    public void An_odd_last_node_is_carried_up_unchanged_and_adds_nothing_to_its_proof()
    {
        var l = _samples.LockHashes(5);
        var tree = new LocksMerkleTree(l);
        var ab = Pair(l[0], l[1]);
        var cd = Pair(l[2], l[3]);

        Assert.Equal(Pair(Pair(ab, cd), l[4]), tree.Root);
        Assert.Equal(Pair(ab, cd).ToArray(), tree.ProofFor(4));
        Assert.Equal(Concat(l[1], cd, l[4]), tree.ProofFor(0));
        Assert.Equal(Concat(l[2], ab, l[4]), tree.ProofFor(3));
    }

    [Fact]
    public void Three_locks_carry_the_third_to_the_top()
    {
        var l = _samples.LockHashes(3);
        var tree = new LocksMerkleTree(l);

        Assert.Equal(Pair(Pair(l[0], l[1]), l[2]), tree.Root);
        Assert.Equal(Pair(l[0], l[1]).ToArray(), tree.ProofFor(2));
        Assert.Equal(Concat(l[0], l[2]), tree.ProofFor(1));
    }

    [Fact]
    public void Insertion_order_matters_beyond_a_pair()
    {
        var l = _samples.LockHashes(3);

        Assert.NotEqual(new LocksMerkleTree(l).Root, new LocksMerkleTree([l[2], l[0], l[1]]).Root);
    }

    [Fact]
    public void Every_proof_of_every_leaf_leads_to_the_root_and_is_at_most_log2_n_hashes()
    {
        for (var n = 1; n <= 70; n++)
        {
            var leaves = _samples.LockHashes(n);
            var tree = new LocksMerkleTree(leaves);
            var depth = (int)Math.Ceiling(Math.Log2(n));
            for (var i = 0; i < n; i++)
            {
                var proof = tree.ProofFor(i);

                Assert.Equal(tree.Root, LocksMerkleTree.ComputeRoot(leaves[i], proof));
                Assert.True(LocksMerkleTree.Verify(leaves[i], proof, tree.Root));
                Assert.InRange(proof.Length, 0, 32 * depth);
                Assert.Equal(proof, tree.ProofFor(leaves[i]));
            }
        }
    }

    [Fact]
    public void A_wrong_leaf_a_changed_sibling_or_a_missing_sibling_does_not_verify()
    {
        var leaves = _samples.LockHashes(13);
        var tree = new LocksMerkleTree(leaves);
        for (var i = 0; i < leaves.Length; i++)
        {
            var proof = tree.ProofFor(i);
            var changed = (byte[])proof.Clone();
            changed[^1] ^= 1;

            Assert.False(LocksMerkleTree.Verify(leaves[(i + 1) % leaves.Length], proof, tree.Root));
            Assert.False(LocksMerkleTree.Verify(leaves[i], changed, tree.Root));
            Assert.False(LocksMerkleTree.Verify(leaves[i], proof.AsSpan(0, proof.Length - 32), tree.Root));
            Assert.False(LocksMerkleTree.Verify(leaves[i], proof.AsSpan(32), tree.Root));
            Assert.False(LocksMerkleTree.Verify(leaves[i], proof, _samples.Hash()));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(95)]
    public void A_proof_whose_length_is_not_a_multiple_of_32_is_malformed(int length)
    {
        var leaf = _samples.LockHashes(1)[0];
        var proof = _samples.Bytes(length);

        var error = Assert.Throws<MalformedMerkleProofException>(() => LocksMerkleTree.ComputeRoot(leaf, proof));

        Assert.Equal(length, error.Length);
        Assert.IsAssignableFrom<FormatException>(error);
        Assert.False(LocksMerkleTree.Verify(leaf, proof, leaf));
    }

    [Fact]
    public void A_proof_truncated_inside_a_hash_does_not_verify()
    {
        var leaves = _samples.LockHashes(8);
        var tree = new LocksMerkleTree(leaves);
        var proof = tree.ProofFor(5);

        Assert.False(LocksMerkleTree.Verify(leaves[5], proof.AsSpan(0, proof.Length - 1), tree.Root));
        Assert.Throws<MalformedMerkleProofException>(() => LocksMerkleTree.ComputeRoot(leaves[5], proof.AsSpan(0, proof.Length - 1)));
    }

    [Fact]
    public void Duplicate_lock_hashes_are_refused_with_both_positions()
    {
        var l = _samples.LockHashes(4);

        var error = Assert.Throws<DuplicateLockException>(() => new LocksMerkleTree([l[0], l[1], l[2], l[1], l[3]]));

        Assert.Equal(l[1], error.LockHash);
        Assert.Equal((1, 3), (error.FirstIndex, error.SecondIndex));
        Assert.Contains(l[1].ToString(), error.Message, StringComparison.Ordinal);
        Assert.Throws<DuplicateLockException>(() => new LocksMerkleTree([l[0], l[0]]));
        var lockValue = _samples.HashTimeLock();
        Assert.Throws<DuplicateLockException>(() => LocksMerkleTree.FromLocks([lockValue, _samples.HashTimeLock(), lockValue with { }]));
    }

    [Fact]
    public void Leaves_are_found_by_hash_and_unknown_ones_are_not()
    {
        var leaves = _samples.LockHashes(9);
        var tree = new LocksMerkleTree(leaves);
        var stranger = _samples.LockHashes(1)[0];

        Assert.Equal(leaves, tree.Leaves);
        Assert.Equal(9, tree.Count);
        Assert.All(Enumerable.Range(0, 9), i => Assert.Equal(i, tree.IndexOf(leaves[i])));
        Assert.True(tree.Contains(leaves[8]));
        Assert.False(tree.Contains(stranger));
        Assert.Equal(-1, tree.IndexOf(stranger));
        Assert.Throws<KeyNotFoundException>(() => tree.ProofFor(stranger));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProofFor(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ProofFor(-1));
    }

    [Fact]
    public void A_tree_from_locks_equals_the_tree_from_their_hashes()
    {
        var locks = Enumerable.Range(0, 7).Select(_ => _samples.HashTimeLock()).ToArray();

        Assert.Equal(new LocksMerkleTree(locks.Select(l => l.LockHash)).Root, LocksMerkleTree.FromLocks(locks).Root);
    }

    [Fact]
    public void The_tree_keeps_its_own_copy_of_the_leaves()
    {
        var leaves = _samples.LockHashes(6);
        var tree = new LocksMerkleTree(leaves);
        var root = tree.Root;

        leaves[2] = _samples.Hash();

        Assert.Equal(root, tree.Root);
        Assert.NotEqual(leaves[2], tree.Leaves[2]);
    }

    private static Hash256 Pair(Hash256 x, Hash256 y)
    {
        var (low, high) = Ordered([x, y]);
        return Keccak256.Hash([.. low.ToArray(), .. high.ToArray()]);
    }

    private static (Hash256 Low, Hash256 High) Ordered(Hash256[] two) =>
        string.CompareOrdinal(two[0].ToString(), two[1].ToString()) <= 0 ? (two[0], two[1]) : (two[1], two[0]);

    private static byte[] Concat(params Hash256[] hashes) => [.. hashes.SelectMany(h => h.ToArray())];
}
