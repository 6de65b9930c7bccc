using Photon.Contracts.Locks;
using Photon.Contracts.Tests.Proofs;
using Photon.Ethereum;
using Photon.Ethereum.Abi;
using Photon.Ethereum.JsonRpc;

namespace Photon.Contracts.Tests.Locks;

/// <summary>The EVM, running the real LocksRoot and ProofHashes libraries, agrees with our locks, balance hashes and trees.</summary>
[Collection(ProofsHarnessCollection.Name)]
public sealed class LocksEvmTests(ProofsHarnessChain chain)
{
    [Fact]
    public async Task The_evm_computes_our_lock_hashes()
    {
        var samples = new LockSamples(60);
        var locks = Enumerable.Range(0, 40).Select(_ => samples.HashTimeLock()).ToArray();

        var results = await chain.CallManyAsync([.. locks.Select(l => ("lockHash", new object?[] { l.Expiration, l.Amount, l.SecretHash }))]);

        for (var i = 0; i < locks.Length; i++)
            Assert.Equal(locks[i].LockHash, results[i].GetHash256(0));
    }

    [Fact]
    public async Task The_evm_computes_our_balance_hashes_including_zero_for_all_zero()
    {
        var samples = new LockSamples(61);
        var cases = new List<(UInt256 Amount, Hash256 Locksroot)>
        {
            (UInt256.Zero, Hash256.Zero), (UInt256.One, Hash256.Zero), (UInt256.Zero, samples.Hash()), (UInt256.MaxValue, samples.Hash()),
        };
        for (var i = 0; i < 30; i++)
            cases.Add((samples.Number(), samples.Hash()));

        var results = await chain.CallManyAsync([.. cases.Select(c => ("balanceHash", new object?[] { c.Amount, c.Locksroot }))]);

        for (var i = 0; i < cases.Count; i++)
            Assert.Equal(BalanceHash.Compute(cases[i].Amount, cases[i].Locksroot), results[i].GetHash256(0));
        Assert.Equal(Hash256.Zero, results[0].GetHash256(0));
    }

    [Fact]
    public async Task The_evm_reaches_our_root_from_every_leaf_of_trees_of_1_to_33_locks()
    {
        var samples = new LockSamples(62);
        var calls = new List<(string, object?[])>();
        var expected = new List<Hash256>();
        for (var n = 1; n <= 33; n++)
        {
            var locks = Enumerable.Range(0, n).Select(_ => samples.HashTimeLock()).ToArray();
            var tree = LocksMerkleTree.FromLocks(locks);
            for (var i = 0; i < n; i++)
            {
                calls.Add(("locksRoot", [locks[i].LockHash, tree.ProofFor(i)]));
                expected.Add(tree.Root);
            }
        }

        var results = await chain.CallManyAsync(calls);

        Assert.Equal(33 * 34 / 2, results.Count);
        for (var i = 0; i < results.Count; i++)
            Assert.Equal(expected[i], results[i].GetHash256(0));
    }

    [Fact]
    public async Task The_evm_and_we_reach_the_same_root_from_arbitrary_sibling_paths()
    {
        var samples = new LockSamples(63);
        var cases = Enumerable.Range(0, 30).Select(i => (Leaf: samples.Hash(), Proof: samples.Bytes(32 * (i % 7)))).ToArray();

        var results = await chain.CallManyAsync([.. cases.Select(c => ("locksRoot", new object?[] { c.Leaf, c.Proof }))]);

        for (var i = 0; i < cases.Length; i++)
            Assert.Equal(LocksMerkleTree.ComputeRoot(cases[i].Leaf, cases[i].Proof), results[i].GetHash256(0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task The_evm_reverts_where_we_refuse_a_malformed_proof(int length)
    {
        var samples = new LockSamples(64);
        var leaf = samples.Hash();
        var proof = samples.Bytes(length);

        var revert = await Assert.ThrowsAsync<ExecutionRevertedException>(() => chain.CallAsync("locksRoot", leaf, proof));
        var ours = Assert.Throws<MalformedMerkleProofException>(() => LocksMerkleTree.ComputeRoot(leaf, proof));

        // MalformedMerkleProof(uint256 length): selector, then the length as one word.
        var expected = AbiError.Parse("error MalformedMerkleProof(uint256 length)").Encode((UInt256)ours.Length);
        Assert.Equal(expected, revert.RevertData.ToArray());
    }
}
