using Photon.Contracts.Locks;
using Photon.Contracts.Proofs;
using Photon.Ethereum;

namespace Photon.Contracts.Tests.Network.Support;

/// <summary>A signed balance proof whose locksroot is the Merkle tree of the signer's pending locks.</summary>
public sealed record UnlockBalanceProof(UInt256 TransferredAmount, LocksMerkleTree Tree, BalanceProof Proof, Signature Signature)
{
    public Hash256 Locksroot => Tree.Root;

    public Hash256 BalanceHash => Proof.BalanceHash;

    public UInt256 Nonce => Proof.Nonce;

    public Hash256 AdditionalHash => Proof.AdditionalHash;

    /// <summary>The balance hash the contract stores for this proof once locks worth <paramref name="unlocked"/> were unlocked against it.</summary>
    public Hash256 BalanceHashAfter(UInt256 unlocked) => Photon.Contracts.Locks.BalanceHash.Compute(TransferredAmount + unlocked, Locksroot);

    /// <summary>The sibling path of <paramref name="lockHash"/> in this proof's tree.</summary>
    public byte[] MerkleProofOf(Hash256 lockHash) => Tree.ProofFor(lockHash);
}
